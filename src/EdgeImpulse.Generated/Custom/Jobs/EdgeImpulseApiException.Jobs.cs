// CUSTOM: what a failed call carries about jobs (Custom/Jobs/): the job that had already finished when a workflow's
// result read failed. Kept out of EdgeImpulseApiException.cs, which is the shared runtime every client compiles.
namespace EdgeImpulse.Generated;

/// <content>The job a workflow had already completed.</content>
public partial class EdgeImpulseApiException
{
    private Job? _completedJob;

    /// <summary>
    /// Gets the job that had already finished successfully when this call failed, for a workflow helper (such as
    /// <see cref="EdgeImpulseClient.TrainKerasAsync"/>) whose result read failed after its job succeeded; null otherwise.
    /// The job's outcome is kept: read the result again (e.g. getKerasMetadata) instead of running the job again.
    /// </summary>
    public Job? CompletedJob
    {
        get => _completedJob;
        init => _completedJob = value;
    }

    /// <summary>The same failure told with another message (the original becomes the inner exception); every property is kept, <paramref name="completedJob"/> added.</summary>
    internal EdgeImpulseApiException Retold(string message, Job? completedJob)
    {
        var retold = Retold(message);
        retold._completedJob = completedJob ?? _completedJob;
        return retold;
    }

    partial void KeepServiceDetails(EdgeImpulseApiException retold) => retold._completedJob = _completedJob;
}
