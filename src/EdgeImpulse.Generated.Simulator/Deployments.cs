using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>
/// One buildOnDeviceModelJob: what was asked for (target, engine, model variant), the impulse it was built from, the
/// job that builds it and the package it yields. Downloadable once its job has finished successfully.
/// </summary>
internal sealed record DeploymentBuild(
    int Version,
    JObject Target,
    string Engine,
    string ModelType,
    long ImpulseId,
    string ImpulseName,
    string FileName,
    byte[] Package)
{
    public string Type => (string)Target["format"]!;

    /// <summary>Gets or sets the id of the job that builds it.</summary>
    public long JobId { get; set; }

    /// <summary>Gets or sets when the build finished successfully; null while it builds, or when it failed.</summary>
    public DateTimeOffset? Built { get; set; }
}

/// <summary>
/// The deployment package a build yields: a real zip whose content says what it was built from, so a test can check
/// it. Laid out like the Studio's C++ library (model-parameters/, tflite-model/) plus a <c>deployment.json</c>
/// manifest; the model file is seeded bytes behind a TensorFlow Lite header, not a model.
/// </summary>
internal static class DeploymentPackage
{
    /// <summary>The manifest entry every package holds: project, impulse, target, engine, model variant, version, labels.</summary>
    public const string ManifestEntry = "deployment.json";

    public static string FileName(string projectName, string type, int version) =>
        $"ei-{Slug(projectName)}-{Slug(type)}-v{version.ToString(CultureInfo.InvariantCulture)}.zip";

    public static byte[] Build(long projectId, string projectName, JObject impulse, JObject target, string engine, string modelType, int version, IReadOnlyList<string> labels, int seed, DateTimeOffset created)
    {
        var type = (string)target["format"]!;
        var manifest = new JObject
        {
            ["project"] = new JObject { ["id"] = projectId, ["name"] = projectName },
            ["impulse"] = new JObject
            {
                ["id"] = impulse["id"]?.DeepClone(),
                ["name"] = impulse["name"]?.DeepClone(),
                ["inputBlocks"] = BlockSummary(impulse["inputBlocks"]),
                ["dspBlocks"] = BlockSummary(impulse["dspBlocks"]),
                ["learnBlocks"] = BlockSummary(impulse["learnBlocks"]),
            },
            ["target"] = new JObject { ["format"] = type, ["name"] = target["name"]?.DeepClone() },
            ["engine"] = engine,
            ["modelType"] = modelType,
            ["deploymentVersion"] = version,
            ["labels"] = new JArray(labels),
            ["created"] = SimulatedJob.Timestamp(created),
        };

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ManifestEntry, Encoding.UTF8.GetBytes(manifest.ToString(Formatting.Indented) + "\n"), created);
            Add(zip, "README.txt", Encoding.UTF8.GetBytes(Readme(projectId, projectName, impulse, target, engine, modelType, version)), created);
            Add(zip, "model-parameters/model_metadata.h", Encoding.UTF8.GetBytes(Metadata(projectId, projectName, impulse, engine, modelType, version, labels.Count)), created);
            Add(zip, "model-parameters/model_variables.h", Encoding.UTF8.GetBytes(Variables(labels)), created);
            Add(zip, $"tflite-model/trained_model_{modelType}.tflite", Model(seed, version), created);
        }

        return buffer.ToArray();
    }

    private static JArray BlockSummary(JToken? blocks) =>
        new((blocks ?? new JArray()).Select(b => new JObject { ["id"] = b["id"]?.DeepClone(), ["type"] = b["type"]?.DeepClone(), ["name"] = b["name"]?.DeepClone() }));

    private static void Add(ZipArchive zip, string name, byte[] content, DateTimeOffset created)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);

        // The build's time, not the clock's: the same build is the same bytes.
        entry.LastWriteTime = created;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static string Readme(long projectId, string projectName, JObject impulse, JObject target, string engine, string modelType, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            Edge Impulse deployment: {target["name"]} ({target["format"]})
            Project: {projectName} (ID {projectId})
            Impulse: {impulse["name"]} (ID {impulse["id"]})
            Engine: {engine}, model: {modelType}, deployment version {version}
            Built by the EdgeImpulse.Generated Studio simulator: the layout of a C++ library, not a working model.

            """);

    private static string Metadata(long projectId, string projectName, JObject impulse, string engine, string modelType, int version, int labelCount) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            #ifndef _EI_CLASSIFIER_MODEL_METADATA_H_
            #define _EI_CLASSIFIER_MODEL_METADATA_H_

            #define EI_CLASSIFIER_PROJECT_ID                 {projectId}
            #define EI_CLASSIFIER_PROJECT_NAME               "{projectName}"
            #define EI_CLASSIFIER_PROJECT_DEPLOY_VERSION     {version}
            #define EI_CLASSIFIER_IMPULSE_ID                 {impulse["id"]}
            #define EI_CLASSIFIER_LABEL_COUNT                {labelCount}
            #define EI_CLASSIFIER_INFERENCING_ENGINE_NAME    "{engine}"
            #define EI_CLASSIFIER_QUANTIZED                  {(modelType == "int8" ? 1 : 0)}

            #endif // _EI_CLASSIFIER_MODEL_METADATA_H_

            """);

    private static string Variables(IReadOnlyList<string> labels) =>
        "const char* ei_classifier_inferencing_categories[] = { " + string.Join(", ", labels.Select(l => JsonConvert.ToString(l))) + " };\n";

    // A TensorFlow Lite flatbuffer carries "TFL3" at offset 4; the rest is seeded noise.
    private static byte[] Model(int seed, int version)
    {
        var bytes = new byte[2048];
        new Random(unchecked((seed * 7919) + version)).NextBytes(bytes);
        "TFL3"u8.CopyTo(bytes.AsSpan(4));
        return bytes;
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
