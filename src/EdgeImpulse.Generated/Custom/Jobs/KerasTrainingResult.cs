// CUSTOM: what EdgeImpulseClient.TrainKerasAsync returns: the training job and the trained model's metadata.
using System;

namespace EdgeImpulse.Generated;

/// <summary>The outcome of <see cref="EdgeImpulseClient.TrainKerasAsync"/>.</summary>
public sealed class KerasTrainingResult
{
    /// <summary>Initializes a new instance of the <see cref="KerasTrainingResult"/> class.</summary>
    /// <param name="job">The finished training job.</param>
    /// <param name="metadata">The trained model's metadata (getKerasMetadata).</param>
    public KerasTrainingResult(Job job, KerasModelMetadataResponse metadata)
    {
        Job = job ?? throw new ArgumentNullException(nameof(job));
        Metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
    }

    /// <summary>Gets the finished training job.</summary>
    public Job Job { get; }

    /// <summary>Gets the trained model's metadata: layers, metrics per model type, labels.</summary>
    public KerasModelMetadataResponse Metadata { get; }
}
