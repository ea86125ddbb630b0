// CUSTOM: the file argument of multipart/form-data operations (uploads). NSwag would generate a bare FileParameter
// (stream, name, content type; undocumented); nswag.json excludes it so that this one, with the same constructor
// shape, is written once: documented, validated, made from a path or bytes too, and able to tell whether it can be
// sent again (a retry or a redirect re-sends the body only when it can; see Custom/Transport/MultipartFormBody.cs).
using System;
using System.IO;
using System.Net.Http.Headers;

namespace EdgeImpulse.Generated;

/// <summary>
/// A file sent as one part of a <c>multipart/form-data</c> request: its content (streamed, never copied into memory),
/// the file name the server sees and its media type.
/// </summary>
/// <remarks>
/// <para>A stream you pass stays yours: the client reads it from its current position to its end and neither closes nor
/// disposes it. A file from <see cref="FromFile"/> is opened by this object; dispose it to close the file.</para>
/// <para>A failed upload is retried (or a 307/308 redirect followed) only when the body can be sent again: a seekable
/// stream is rewound to where it started, bytes are always resendable, and a non-seekable stream (a network or pipe
/// stream) is sent at most once: once its first byte was read, a failure is reported, not retried.</para>
/// </remarks>
public sealed class FileParameter : IDisposable
{
    /// <summary>The media type a file part is sent with when none is given.</summary>
    public const string DefaultContentType = "application/octet-stream";

    private readonly bool _ownsStream;

    /// <summary>Initializes a new instance of the <see cref="FileParameter"/> class over a stream.</summary>
    /// <param name="data">The content, read from its current position to its end; not disposed by the client.</param>
    public FileParameter(Stream data)
        : this(data, null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FileParameter"/> class over a stream.</summary>
    /// <param name="data">The content, read from its current position to its end; not disposed by the client.</param>
    /// <param name="fileName">The file name the server sees; null sends the form field's name.</param>
    public FileParameter(Stream data, string? fileName)
        : this(data, fileName, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FileParameter"/> class over a stream.</summary>
    /// <param name="data">The content, read from its current position to its end; not disposed by the client.</param>
    /// <param name="fileName">The file name the server sees; null sends the form field's name.</param>
    /// <param name="contentType">The media type, e.g. <c>image/jpeg</c>; null sends <see cref="DefaultContentType"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">The stream cannot be read, the file name is empty or holds a control character, or the content type is not a media type.</exception>
    public FileParameter(Stream data, string? fileName, string? contentType)
        : this(data, fileName, contentType, ownsStream: false)
    {
    }

    private FileParameter(Stream data, string? fileName, string? contentType, bool ownsStream)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(data));
        }

        if (fileName is not null && (fileName.Length == 0 || fileName.AsSpan().IndexOfAnyInRange('\0', '\x1f') >= 0 || fileName.Contains('\x7f', StringComparison.Ordinal)))
        {
            throw new ArgumentException("A file name must not be empty or hold control characters (line breaks would break the part's headers).", nameof(fileName));
        }

        if (contentType is not null && !MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException($"'{contentType}' is not a media type (e.g. image/jpeg).", nameof(contentType));
        }

        Data = data;
        FileName = fileName;
        ContentType = contentType;
        _ownsStream = ownsStream;
        StartPosition = data.CanSeek ? data.Position : null;
    }

    /// <summary>Gets the content; read from the position it had when this object was made.</summary>
    public Stream Data { get; }

    /// <summary>Gets the file name the server sees; null sends the form field's name.</summary>
    public string? FileName { get; }

    /// <summary>Gets the media type; null sends <see cref="DefaultContentType"/>.</summary>
    public string? ContentType { get; }

    /// <summary>Gets a value indicating whether the content can be sent again (by a retry or a redirect): true for a seekable stream, a file and bytes.</summary>
    public bool CanResend => StartPosition is not null;

    /// <summary>Gets where the content starts in a seekable stream (where a re-send rewinds to); null for a stream that cannot seek.</summary>
    internal long? StartPosition { get; }

    /// <summary>Gets or sets a value indicating whether a request has read from <see cref="Data"/> (a non-seekable stream is then spent).</summary>
    internal bool ReadStarted { get; set; }

    /// <summary>Opens a file for upload, read asynchronously as the request is sent; the file name is the path's file name.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">The media type, e.g. <c>application/zip</c>; null sends <see cref="DefaultContentType"/>.</param>
    /// <returns>The file parameter; dispose it to close the file.</returns>
    /// <exception cref="ArgumentException">The path is empty, or the content type is not a media type.</exception>
    /// <exception cref="IOException">The file cannot be opened (e.g. <see cref="FileNotFoundException"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static FileParameter FromFile(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (contentType is not null && !MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException($"'{contentType}' is not a media type (e.g. image/jpeg).", nameof(contentType));
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            return new FileParameter(stream, Path.GetFileName(path), contentType, ownsStream: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Uploads bytes already in memory (not copied).</summary>
    /// <param name="content">The content; it must not change until the call has completed.</param>
    /// <param name="fileName">The file name the server sees.</param>
    /// <param name="contentType">The media type, e.g. <c>image/png</c>; null sends <see cref="DefaultContentType"/>.</param>
    /// <returns>The file parameter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException">The file name is empty or holds a control character, or the content type is not a media type.</exception>
    public static FileParameter FromBytes(byte[] content, string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        return new FileParameter(new MemoryStream(content, writable: false), fileName, contentType, ownsStream: true);
    }

    /// <summary>Closes the file this object opened (<see cref="FromFile"/>, <see cref="FromBytes"/>); a stream you passed is left open.</summary>
    public void Dispose()
    {
        if (_ownsStream)
        {
            Data.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{FileName ?? "(unnamed)"} ({ContentType ?? DefaultContentType})";
}
