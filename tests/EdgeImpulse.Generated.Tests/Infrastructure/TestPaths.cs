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

    public static string Spec { get; } = Path.Combine(RepoRoot, "openapi.yaml");

    public static string Corrections { get; } = Path.Combine(RepoRoot, "corrections.overlay.yaml");

    public static string Fixture(string relativePath)
    {
        var path = Path.Combine(Fixtures, relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Missing fixture {relativePath}", path);
    }

    public static string ReadFixture(string relativePath) => File.ReadAllText(Fixture(relativePath));
}
