using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>
/// The recorded responses the simulator answers from, by path relative to the fixtures folder
/// (<c>Learn/getKeras.success.json</c>): overrides first, then the fixture directory, then the embedded recordings.
/// </summary>
internal sealed class FixtureStore
{
    private const string ResourcePrefix = "Fixtures/";

    private static readonly Lazy<Dictionary<string, string>> Embedded = new(LoadEmbedded);

    private readonly IReadOnlyDictionary<string, string> _overrides;
    private readonly string? _directory;

    public FixtureStore(SimulatorOptions options)
    {
        _overrides = new Dictionary<string, string>(options.FixtureOverrides, StringComparer.Ordinal);
        _directory = options.FixtureDirectory;
        if (_directory is not null && !Directory.Exists(_directory))
        {
            throw new DirectoryNotFoundException($"SimulatorOptions.FixtureDirectory does not exist: {_directory}");
        }
    }

    /// <summary>Gets a fresh copy of a JSON fixture (callers may change it).</summary>
    public JObject Json(string relativePath) =>
        Parse(Text(relativePath), relativePath) as JObject ?? throw new InvalidOperationException($"Fixture {relativePath} is not a JSON object.");

    /// <summary>Gets the recorded success response of an operation (<c>{Tag}/{operationId}.success.json</c>).</summary>
    public JObject Success(OperationSpec operation) => Json($"{operation.Tag}/{operation.OperationId}.success.json");

    public string Text(string relativePath)
    {
        if (_overrides.TryGetValue(relativePath, out var text))
        {
            return text;
        }

        if (_directory is not null && File.Exists(Path.Combine(_directory, relativePath)))
        {
            return File.ReadAllText(Path.Combine(_directory, relativePath));
        }

        return Embedded.Value.TryGetValue(relativePath, out text)
            ? text
            : throw new InvalidOperationException($"No fixture {relativePath}: not overridden, not in the fixture directory, not embedded.");
    }

    private static JToken Parse(string text, string relativePath)
    {
        try
        {
            return Simulator.Json.Parse(text);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            throw new InvalidOperationException($"Fixture {relativePath} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, string> LoadEmbedded()
    {
        var assembly = typeof(FixtureStore).Assembly;
        return assembly.GetManifestResourceNames()
            .Select(name => (Name: name, Normalized: name.Replace('\\', '/')))
            .Where(r => r.Normalized.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(r => r.Normalized[ResourcePrefix.Length..], r => Read(assembly, r.Name), StringComparer.Ordinal);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }
}
