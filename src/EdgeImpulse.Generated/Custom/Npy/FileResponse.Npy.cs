// CUSTOM: reads a downloaded body (downloadDspData, downloadDspLabels) as a typed .npy array, straight from the stream,
// refusing before allocation an array larger than the client's MaxDownloadBytes.
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;

namespace EdgeImpulse.Generated;

/// <summary>A streamed binary download; dispose it to release the connection.</summary>
public partial class FileResponse
{
    /// <summary>
    /// Reads the body as one NumPy <c>.npy</c> array, streaming it into the array (see <see cref="NpyReader"/>).
    /// The body must hold exactly one array; the response stays open until it is disposed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The array, an <see cref="NpyArray{T}"/> of the element type the header declares.</returns>
    /// <remarks>
    /// The array is allocated once the header is read, at the size the header declares. That size is first checked
    /// against the Content-Length and, for a download of a client with <see cref="EdgeImpulseClientOptions.MaxDownloadBytes"/>,
    /// against that limit, so a body without a Content-Length (chunked) cannot make the reader allocate more than the limit.
    /// </remarks>
    /// <exception cref="NpyFormatException">
    /// The body is not a readable <c>.npy</c> array (e.g. JSON or HTML), is truncated, or has bytes after the array.
    /// </exception>
    /// <exception cref="EdgeImpulseApiException">The array the header declares, or the body, is larger than MaxDownloadBytes.</exception>
    public Task<NpyArray> ReadNpyAsync(CancellationToken cancellationToken = default)
    {
        // Only downloads carry the limit (ApiConnection wraps their body); a FileResponse made by hand has none.
        var limited = Stream as BoundedReadStream;
        var settings = new NpyReadSettings
        {
            StreamLength = ContentLength,
            RequireEnd = true,
            MaxBytes = limited?.Limit,
            OverLimit = limited?.Limit is null ? null : header => limited!.OverLimit($"the .npy header's {header.Description} needs {header.HeaderBytes + header.DataBytes} bytes with its {header.HeaderBytes}-byte header"),
        };
        return NpyReader.ReadAsync(Stream, settings, cancellationToken);
    }
}
