// CUSTOM: the file argument of multipart/form-data operations. NSwag would generate it (undocumented); nswag.json
// excludes it so that it is written here once, documented, with the same public shape as NSwag's.
using System.IO;

namespace EdgeImpulse.Generated;

/// <summary>A file to upload as one part of a multipart/form-data request: its content, and optionally its name and type.</summary>
public partial class FileParameter
{
    /// <summary>Creates a file part from <paramref name="data"/>, without a file name or content type.</summary>
    /// <param name="data">The file's content; read when the request is sent.</param>
    public FileParameter(Stream data)
        : this(data, null, null)
    {
    }

    /// <summary>Creates a file part from <paramref name="data"/> named <paramref name="fileName"/>.</summary>
    /// <param name="data">The file's content; read when the request is sent.</param>
    /// <param name="fileName">The file name sent with the part, or null.</param>
    public FileParameter(Stream data, string? fileName)
        : this(data, fileName, null)
    {
    }

    /// <summary>Creates a file part from <paramref name="data"/> named <paramref name="fileName"/>, of <paramref name="contentType"/>.</summary>
    /// <param name="data">The file's content; read when the request is sent.</param>
    /// <param name="fileName">The file name sent with the part, or null.</param>
    /// <param name="contentType">The part's content type (e.g. <c>image/jpeg</c>), or null.</param>
    public FileParameter(Stream data, string? fileName, string? contentType)
    {
        Data = data;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>Gets the file's content.</summary>
    public Stream Data { get; private set; }

    /// <summary>Gets the file name sent with the part, or null.</summary>
    public string? FileName { get; private set; }

    /// <summary>Gets the part's content type, or null.</summary>
    public string? ContentType { get; private set; }
}
