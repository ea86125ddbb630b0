// CUSTOM: one extra file of a network being created (saved_model.pb, variables.index, a mean file, ...): sent as a
// multipart part named by its file name, as the service's reference describes.
using System;
using System.IO;

namespace NeuralNetworks.Client;

/// <summary>A file sent with a new network: its graph, its weights, or a mean file its pre-processing names.</summary>
public sealed class NetworkFile
{
    private readonly Func<Stream> _open;

    /// <summary>Initializes a new instance of the <see cref="NetworkFile"/> class from content in memory.</summary>
    /// <param name="fileName">The file's name as the service knows it, e.g. <c>saved_model.pb</c> or <c>variables.index</c>.</param>
    /// <param name="content">The file's bytes.</param>
    public NetworkFile(string fileName, ReadOnlyMemory<byte> content)
    {
        FileName = ValidName(fileName);
        var bytes = content.ToArray();
        Length = bytes.Length;
        _open = () => new MemoryStream(bytes, writable: false);
    }

    private NetworkFile(string fileName, string path)
    {
        FileName = ValidName(fileName);
        Length = new FileInfo(path).Length;
        _open = () => File.OpenRead(path);
    }

    /// <summary>Gets the file's name, which is also its part's name in the request.</summary>
    public string FileName { get; }

    /// <summary>Gets the file's size in bytes.</summary>
    public long Length { get; }

    /// <summary>Creates a file read from disk when the request is sent (again on a retry), named after the file or <paramref name="fileName"/>.</summary>
    /// <param name="path">The file on disk.</param>
    /// <param name="fileName">Its name for the service, when it differs from the file's own (e.g. <c>variables.index</c> from another folder).</param>
    /// <returns>The file.</returns>
    public static NetworkFile FromPath(string path, string? fileName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"No file at '{path}'.", nameof(path));
        }

        return new NetworkFile(fileName ?? Path.GetFileName(path), path);
    }

    internal Stream Open() => _open();

    private static string ValidName(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName.IndexOfAny(['"', '\r', '\n', '/', '\\']) >= 0)
        {
            throw new ArgumentException($"File name '{fileName}' must be a plain file name (no path, quotes or line breaks).", nameof(fileName));
        }

        return fileName;
    }
}
