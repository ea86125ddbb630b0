using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>A DSP block of the impulse and what has been done to it.</summary>
internal sealed class DspBlock(long id, string name, string type, OrderedDictionary<string, string> config)
{
    public long Id { get; } = id;

    public string Name { get; set; } = name;

    public string Type { get; } = type;

    /// <summary>Gets the current parameter values (setDspConfig merges into them), in the Studio's order.</summary>
    public OrderedDictionary<string, string> Config { get; } = config;

    /// <summary>Gets or sets the result of the last successful generate-features job; null when none (or cleared).</summary>
    public GeneratedFeatures? Features { get; set; }

    /// <summary>
    /// Gets a number that changes whenever the parameters change or the block is cleared: a generate-features job
    /// notes it at the start, and its features count only if it is the same when the job finishes.
    /// </summary>
    public int Revision { get; private set; }

    public bool HasAutotunerResults { get; set; }

    /// <summary>Forgets the generated features, which no longer match the parameters (changed) or were cleared.</summary>
    public void Invalidate()
    {
        Features = null;
        Revision++;
    }
}

/// <summary>What a generate-features job left behind: when, with which parameters, and whether importance was calculated.</summary>
internal sealed record GeneratedFeatures(DateTimeOffset Created, IReadOnlyDictionary<string, string> Config, bool FeatureImportance, string NormalizeData);

/// <summary>A learn block of the impulse: its Keras settings and the outcome of its last successful training.</summary>
internal sealed class LearnBlock(long id, string name, string type, IReadOnlyList<long> dspIds, JObject keras)
{
    public long Id { get; } = id;

    public string Name { get; } = name;

    public string Type { get; } = type;

    public IReadOnlyList<long> DspIds { get; } = dspIds;

    /// <summary>Gets the settable KerasConfig fields (setKeras and trainKerasJob merge into them).</summary>
    public JObject Keras { get; } = keras;

    public TrainingResult? Training { get; set; }
}

/// <summary>The final validation metrics of a training run, as getKerasMetadata reports them; null metrics: as recorded.</summary>
internal sealed record TrainingResult(DateTimeOffset Finished, double? Accuracy, double? Loss);
