// CUSTOM: startProfileCustomDspBlock as a JobOperation (declared on IDspClient too). The operation polls through a
// JobsClient on the same connection, since job status and logs are Jobs operations.
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

/// <content>Job operations for DSP blocks.</content>
public partial class DspClient
{
    /// <summary>Starts profiling a custom DSP block (startProfileCustomDspBlock); read the outcome with getProfileTfliteJobResult.</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="dspId">DSP block ID (from the impulse).</param>
    /// <param name="body">The DSP parameters to profile with.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The started job.</returns>
    /// <exception cref="EdgeImpulseApiException">The job could not be started.</exception>
    public async Task<JobOperation> StartProfileAsync(int projectId, int dspId, DspRunRequestWithoutFeaturesReadOnly body, CancellationToken cancellationToken = default)
    {
        var started = await StartProfileCustomDspBlockAsync(projectId, dspId, body, cancellationToken).ConfigureAwait(false);
        return new JobsClient(_connection).AttachToStarted(projectId, started, "startProfileCustomDspBlock");
    }
}
