// Checks a symbol package (.snupkg) for .ci/package-smoke: the portable PDB is in it, it embeds the source of the
// generated client (which is never committed, so no repository URL can serve it), and, when a SourceLink URL prefix
// is given, its SourceLink record maps every document it does not embed to that prefix.
// usage: dotnet run --file .ci/check-symbols.cs -- <snupkg> <pdb entry> <generated file name> <marker text> [<url prefix>]
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;

if (args.Length is not (4 or 5))
{
    return Fail("usage: check-symbols.cs <snupkg> <pdb entry> <generated file name> <marker text> [<SourceLink url prefix>]");
}

var (snupkg, pdbEntry, generatedName, marker) = (args[0], args[1], args[2], args[3]);
var urlPrefix = args.Length == 5 ? args[4] : null;
var embeddedSourceKind = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");

if (!File.Exists(snupkg))
{
    return Fail($"no symbol package at {snupkg}");
}

using var package = ZipFile.OpenRead(snupkg);
var entry = package.GetEntry(pdbEntry);
if (entry == null)
{
    return Fail($"{snupkg} has no {pdbEntry}; it holds: {string.Join(", ", package.Entries.Select(e => e.FullName))}");
}

using var pdb = new MemoryStream();
using (var stream = entry.Open())
{
    stream.CopyTo(pdb);
}

pdb.Position = 0;
using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
var reader = provider.GetMetadataReader();

var documents = new Dictionary<string, string?>(StringComparer.Ordinal); // path -> embedded text, or null
foreach (var handle in reader.Documents)
{
    string? text = null;
    foreach (var information in reader.GetCustomDebugInformation(handle).Select(reader.GetCustomDebugInformation))
    {
        if (reader.GetGuid(information.Kind) == embeddedSourceKind)
        {
            text = EmbeddedText(reader.GetBlobBytes(information.Value));
        }
    }

    documents[reader.GetString(reader.GetDocument(handle).Name)] = text;
}

var generated = documents.Where(d => Path.GetFileName(d.Key) == generatedName).ToList();
if (generated.Count != 1 || generated[0].Value is not { } generatedText || !generatedText.Contains(marker, StringComparison.Ordinal))
{
    return Fail($"the PDB does not embed {generatedName} with '{marker}' (documents: {string.Join(", ", documents.Select(d => d.Key + (d.Value == null ? "" : " [embedded]")))})");
}

var sourceLink = reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition).Select(reader.GetCustomDebugInformation)
    .Where(i => reader.GetGuid(i.Kind) == sourceLinkKind).Select(i => Encoding.UTF8.GetString(reader.GetBlobBytes(i.Value))).FirstOrDefault();
Console.WriteLine($"PDB: {documents.Count} documents, {documents.Count(d => d.Value != null)} embedded (including {generated[0].Key}); SourceLink: {sourceLink ?? "none"}");
if (urlPrefix == null)
{
    return 0;
}

if (sourceLink == null)
{
    return Fail($"the PDB has no SourceLink record, though the package was built with a repository URL (expected targets under {urlPrefix})");
}

var map = JsonDocument.Parse(sourceLink).RootElement.GetProperty("documents").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
if (map.Count == 0 || map.Values.Any(target => !target.StartsWith(urlPrefix, StringComparison.Ordinal)))
{
    return Fail($"the SourceLink record does not map to {urlPrefix}: {sourceLink}");
}

var unreachable = documents.Where(d => d.Value == null && !map.Keys.Any(key => key.EndsWith('*') ? d.Key.StartsWith(key[..^1], StringComparison.Ordinal) : d.Key == key)).Select(d => d.Key).ToList();
if (unreachable.Count > 0)
{
    return Fail($"documents neither embedded nor mapped by SourceLink: {string.Join(", ", unreachable)}");
}

return 0;

// Embedded source blob: int32 uncompressed size (0 = stored as is), then the text, deflated when the size is not 0.
static string EmbeddedText(byte[] blob)
{
    var size = BitConverter.ToInt32(blob, 0);
    if (size == 0)
    {
        return Encoding.UTF8.GetString(blob, 4, blob.Length - 4);
    }

    using var deflated = new DeflateStream(new MemoryStream(blob, 4, blob.Length - 4), CompressionMode.Decompress);
    using var text = new StreamReader(deflated, Encoding.UTF8);
    return text.ReadToEnd();
}

static int Fail(string message)
{
    Console.Error.WriteLine("check-symbols: " + message);
    return 1;
}
