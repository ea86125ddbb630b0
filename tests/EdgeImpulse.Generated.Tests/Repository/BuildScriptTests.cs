using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Repository;

/// <summary>No pwsh exists on the build machines, so PowerShell's own parser checks build.ps1 instead.</summary>
[TestFixture]
public sealed class BuildScriptTests
{
    private static readonly string ScriptPath = Path.Combine(TestPaths.RepoRoot, "build.ps1");

    [Test]
    public void BuildScript_HasNoSyntaxErrors()
    {
        Parser.ParseFile(ScriptPath, out _, out var errors);

        Assert.That(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"), Is.Empty);
    }

    [Test]
    public void BuildScript_OffersTheDocumentedTasks_AndFailsHard()
    {
        var ast = Parser.ParseFile(ScriptPath, out _, out _);
        var task = ast.ParamBlock.Parameters.Single(p => p.Name.VariablePath.UserPath == "Task");
        var allowed = task.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet")
            .PositionalArguments.OfType<StringConstantExpressionAst>().Select(s => s.Value);
        var text = File.ReadAllText(ScriptPath);

        Assert.That(allowed, Is.EquivalentTo(new[] { "build", "test", "pack", "clean", "update-spec" }));
        Assert.That(text, Does.Contain("Set-StrictMode -Version Latest").And.Contain("$ErrorActionPreference = 'Stop'").And.Contain("exit 1"));
    }

    [Test]
    public void BuildScriptTestTask_RunsTheReadmesTestCommand()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var script = File.ReadAllText(ScriptPath);

        Assert.That(readme, Does.Contain("`dotnet test EdgeImpulse.Generated.sln -c Release`"));
        Assert.That(script, Does.Contain("Invoke-Dotnet test $solution -c $Configuration"));
    }
}
