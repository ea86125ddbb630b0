using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>
/// The generated clients as compiled: every class with a generated <c>Operations</c> table, and which of its methods came
/// from the generated file (the library's PDB knows each method's source document), so hand-written partials do not count.
/// </summary>
internal static class ClientMethods
{
    public const string GeneratedFile = "EdgeImpulseClient.g.cs";

    public static IReadOnlyList<Type> Types { get; } = typeof(ApiConnection).Assembly.GetTypes()
        .Where(t => t.IsClass && t.GetProperty("Operations", BindingFlags.Static | BindingFlags.NonPublic)?.PropertyType == typeof(IReadOnlyList<ApiOperation>))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<ApiOperation> Operations(Type client) =>
        (IReadOnlyList<ApiOperation>)client.GetProperty("Operations", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;

    /// <summary>The client an operation lands on (NSwag: its first tag), or null.</summary>
    public static Type? ClientFor(SpecOperation operation) =>
        Types.SingleOrDefault(t => Words(t.Name) == Words(operation.Tag) + "client");

    /// <summary>The method NSwag made of the operation (named after its operationId), or null.</summary>
    public static MethodInfo? MethodFor(Type client, SpecOperation operation) =>
        PublicMethods(client).SingleOrDefault(m => Words(m.Name) == Words(operation.OperationId) + "async");

    /// <summary>The public methods of a client whose code is in the generated file.</summary>
    public static IEnumerable<MethodInfo> GeneratedMethods(Type client) =>
        PublicMethods(client).Where(m => SourceDocument(m)?.EndsWith(GeneratedFile, StringComparison.Ordinal) == true);

    private static IEnumerable<MethodInfo> PublicMethods(Type client) =>
        client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName);

    // Letters and digits only, lower case: how NSwag's casing and separators ("Raw data", "Raw_data", "RawData") compare.
    private static string Words(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    private static readonly Lazy<MetadataReaderProvider> Pdb = new(() =>
    {
        using var stream = File.OpenRead(Path.ChangeExtension(typeof(ApiConnection).Assembly.Location, ".pdb"));
        return MetadataReaderProvider.FromPortablePdbStream(stream, MetadataStreamOptions.PrefetchMetadata);
    });

    private static string? SourceDocument(MethodInfo method)
    {
        var reader = Pdb.Value.GetMetadataReader();
        var handle = MetadataTokens.MethodDefinitionHandle(method.MetadataToken).ToDebugInformationHandle();
        var information = reader.GetMethodDebugInformation(handle);
        var document = !information.Document.IsNil
            ? information.Document
            : information.GetSequencePoints().Select(p => p.Document).FirstOrDefault(d => !d.IsNil);
        return document.IsNil ? null : reader.GetString(reader.GetDocument(document).Name);
    }
}
