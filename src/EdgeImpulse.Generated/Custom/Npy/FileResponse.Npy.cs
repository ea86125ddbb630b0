// CUSTOM: reads a downloaded body (downloadDspData, downloadDspLabels) as a typed .npy array, straight from the stream.
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
    /// <exception cref="NpyFormatException">
    /// The body is not a readable <c>.npy</c> array (e.g. JSON or HTML), is truncated, or has bytes after the array.
    /// </exception>
    public Task<NpyArray> ReadNpyAsync(CancellationToken cancellationToken = default) =>
        NpyReader.ReadAsync(Stream, new NpyReadSettings { StreamLength = ContentLength, RequireEnd = true }, cancellationToken);
}
