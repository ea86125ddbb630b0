using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace EdgeImpulse.Generated.Tests.Infrastructure;

/// <summary>Where the repository's files and the test fixtures are.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } =
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The corrected spec the library build wrote (same configuration as the tests).</summary>
    public static string CorrectedSpec
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name;
            var path = Path.Combine(RepoRoot, "src", "EdgeImpulse.Generated", "obj", configuration, "net10.0", "Generated", "openapi.corrected.json");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the library first; the corrected spec is written by its build.", path);
        }
    }

    public static string Fixture(string relativePath)
    {
        var path = Path.Combine(Fixtures, relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Missing fixture {relativePath}", path);
    }

    public static string ReadFixture(string relativePath) => File.ReadAllText(Fixture(relativePath));
}
