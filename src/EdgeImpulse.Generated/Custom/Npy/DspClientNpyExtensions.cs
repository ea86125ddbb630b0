// CUSTOM: downloadDspData/downloadDspLabels as typed arrays: download, stream the .npy body into an NpyArray, release
// the response. Extensions on IDspClient, so they work for any implementation (test doubles too) with one body.
using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;

namespace EdgeImpulse.Generated;

/// <summary>Reads the DSP block's <c>.npy</c> downloads as typed arrays.</summary>
public static class DspClientNpyExtensions
{
    /// <summary>
    /// Downloads a DSP block's output over all windows of a category (downloadDspData) and reads it as an array,
    /// usually <c>float32</c> of shape <c>(windows, features)</c>.
    /// </summary>
    /// <param name="client">The DSP client.</param>
    /// <param name="projectId">Project ID.</param>
    /// <param name="dspId">DSP block ID.</param>
    /// <param name="category">Which data category to download.</param>
    /// <param name="raw">Whether to download the raw (unprocessed) windows instead of the DSP output.</param>
    /// <param name="cancellationToken">Cancels the request and the read.</param>
    /// <returns>The array; its concrete type is the <see cref="NpyArray{T}"/> the file's dtype calls for.</returns>
    /// <exception cref="EdgeImpulseApiException">
    /// The call failed, or the body is not a readable <c>.npy</c> array (then <see cref="Exception.InnerException"/> is the <see cref="NpyFormatException"/>).
    /// </exception>
    public static async Task<NpyArray> DownloadDspDataArrayAsync(this IDspClient client, int projectId, int dspId, RawDataCategory category, bool? raw = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var file = await client.DownloadDspDataAsync(projectId, dspId, category, raw, cancellationToken).ConfigureAwait(false);
        return await ReadAndDisposeAsync(file, "downloadDspData", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads a DSP block's labels over all windows of a category (downloadDspLabels) and reads them as an array,
    /// one row per window of <see cref="DownloadDspDataArrayAsync"/>.
    /// </summary>
    /// <param name="client">The DSP client.</param>
    /// <param name="projectId">Project ID.</param>
    /// <param name="dspId">DSP block ID.</param>
    /// <param name="category">Which data category to download.</param>
    /// <param name="cancellationToken">Cancels the request and the read.</param>
    /// <returns>The array; its concrete type is the <see cref="NpyArray{T}"/> the file's dtype calls for.</returns>
    /// <exception cref="EdgeImpulseApiException">
    /// The call failed, or the body is not a readable <c>.npy</c> array (then <see cref="Exception.InnerException"/> is the <see cref="NpyFormatException"/>).
    /// </exception>
    public static async Task<NpyArray> DownloadDspLabelsArrayAsync(this IDspClient client, int projectId, int dspId, RawDataCategory category, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var file = await client.DownloadDspLabelsAsync(projectId, dspId, category, cancellationToken).ConfigureAwait(false);
        return await ReadAndDisposeAsync(file, "downloadDspLabels", cancellationToken).ConfigureAwait(false);
    }

    // Every failure of the call surfaces as EdgeImpulseApiException, as for every other operation; cancellation stays cancellation.
    private static async Task<NpyArray> ReadAndDisposeAsync(FileResponse file, string operationId, CancellationToken cancellationToken)
    {
        using (file)
        {
            try
            {
                return await file.ReadNpyAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpyFormatException ex)
            {
                throw new EdgeImpulseApiException($"{operationId} returned a body that is not a readable .npy array: {ex.Message}", operationId, file.StatusCode, null, file.ContentType, null, ex);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                // Status 0, as for every body that breaks off: the answer never arrived whole (a retry may help).
                throw new EdgeImpulseApiException($"{operationId}: the download broke off after the HTTP {file.StatusCode} headers: {ex.Message}", operationId, 0, null, file.ContentType, null, ex);
            }
        }
    }
}
