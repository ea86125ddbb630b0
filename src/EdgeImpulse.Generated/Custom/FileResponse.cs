// CUSTOM: adds the content type and length of a streamed download to NSwag's generated FileResponse.
using System.Linq;

namespace EdgeImpulse.Generated;

/// <summary>A streamed binary download; dispose it to release the connection.</summary>
public partial class FileResponse
{
    /// <summary>Gets the media type the server declared, e.g. <c>application/octet-stream</c>.</summary>
    public string? ContentType => Header("Content-Type")?.Split(';')[0].Trim();

    /// <summary>Gets the length the server announced, when it did.</summary>
    public long? ContentLength => long.TryParse(Header("Content-Length"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) ? length : null;

    private string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, System.StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
