// CUSTOM: DspClient.StartProfileAsync on the DSP client's interface, so code written against IDspClient (and a mock
// of it) reaches it. No default implementation: the operation polls through a jobs client, which IDspClient has not.
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

/// <content>Job operations for DSP blocks.</content>
public partial interface IDspClient
{
    /// <summary>Starts profiling a custom DSP block (startProfileCustomDspBlock); read the outcome with getProfileTfliteJobResult.</summary>
    /// <param name="projectId">Project ID.</param>
    /// <param name="dspId">DSP block ID (from the impulse).</param>
    /// <param name="body">The DSP parameters to profile with.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The started job.</returns>
    /// <exception cref="EdgeImpulseApiException">The job could not be started.</exception>
    Task<JobOperation> StartProfileAsync(int projectId, int dspId, DspRunRequestWithoutFeaturesReadOnly body, CancellationToken cancellationToken = default);
}
