using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <content>The deployment path's state: impulse edits, deployment builds, project versions.</content>
internal sealed partial class StudioState
{
    private readonly List<DeploymentBuild> _deployments = [];
    private readonly List<JObject> _versions = [];
    private string? _projectName;

    /// <summary>Gets the project's name, as the recordings give it (a sample's projectName).</summary>
    public string ProjectName => _projectName ??=
        (string?)Fixtures.Json("Dsp/getDspRawSample.success.json").SelectToken("sample.projectName") ?? $"Project {ProjectId}";

    /// <summary>Gets the impulse's tags (updateImpulse sets them; the Impulse schema has no field for them, so getImpulse adds one).</summary>
    public List<string> ImpulseTags { get; } = [];

    /// <summary>Gets every deployment build started, oldest first, the failed and unfinished ones included.</summary>
    public IReadOnlyList<DeploymentBuild> Deployments => _deployments;

    /// <summary>Gets the version the next deployment build gets (the Studio counts them per project, from 1).</summary>
    public int NextDeploymentVersion { get; private set; } = 1;

    /// <summary>Gets the project versions, oldest first, as listVersions lists them (newest first).</summary>
    public IReadOnlyList<JObject> Versions => _versions;

    /// <summary>Gets the number the next project version gets.</summary>
    public int NextVersion { get; private set; } = 1;

    /// <summary>Gets the recorded project version the simulator's versions are shaped like (its user and bucket).</summary>
    public JObject RecordedVersion => (JObject)Fixtures.Json("Projects/listVersions.success.json")["versions"]![0]!;

    /// <summary>Gets the deployment targets of the project, as recorded.</summary>
    public JArray DeploymentTargets => (JArray)Fixtures.Json("Deployment/listDeploymentTargetsForProject.success.json")["targets"]!;

    public long ImpulseId => (long)Impulse["id"]!;

    public DeploymentBuild AddDeployment(Func<int, DeploymentBuild> create)
    {
        var build = create(NextDeploymentVersion++);
        _deployments.Add(build);
        return build;
    }

    public int ReserveVersion() => NextVersion++;

    public void AddVersion(JObject version) => _versions.Add(version);

    /// <summary>
    /// Replaces the impulse's blocks with those of a createImpulse body. A DSP or learn block that keeps its id and type
    /// keeps its state (parameters, features, Keras settings, trained model) unless what it depends on changed: a DSP
    /// block whose input block's window changed loses its features, a learn block whose DSP inputs changed its model.
    /// New blocks start as the recordings' blocks do: recorded parameters, recorded Keras settings, nothing generated.
    /// </summary>
    public void ReplaceImpulse(JObject body, DateTimeOffset now)
    {
        var oldInputs = (Impulse["inputBlocks"] as JArray ?? []).OfType<JObject>().ToDictionary(b => (long)b["id"]!);
        var oldBlocks = new[] { "inputBlocks", "dspBlocks", "learnBlocks", "postProcessingBlocks" }
            .SelectMany(kind => (Impulse[kind] as JArray ?? []).OfType<JObject>().Select(b => (Kind: kind, Block: b)))
            .ToDictionary(b => (b.Kind, (long?)b.Block["id"] ?? 0), b => b.Block);

        var dspBlocks = new Dictionary<long, DspBlock>();
        var changedDsp = new HashSet<long>();
        foreach (var block in (body["dspBlocks"] as JArray ?? []).OfType<JObject>())
        {
            var id = (long)block["id"]!;
            var type = (string)block["type"]!;
            var name = (string?)block["name"] ?? $"DSP block {id}";
            if (DspBlocks.TryGetValue(id, out var kept) && kept.Type == type)
            {
                kept.Name = name;
                if (InputChanged(block, oldInputs, body))
                {
                    kept.Invalidate();
                    changedDsp.Add(id);
                }

                dspBlocks[id] = kept;
            }
            else
            {
                dspBlocks[id] = new DspBlock(id, name, type, RecordedDspConfig());
                changedDsp.Add(id);
            }
        }

        var learnBlocks = new Dictionary<long, LearnBlock>();
        foreach (var block in (body["learnBlocks"] as JArray ?? []).OfType<JObject>())
        {
            var id = (long)block["id"]!;
            var type = (string)block["type"]!;
            var name = (string?)block["name"] ?? $"Learn block {id}";
            long[] dspIds = block["dsp"]?.Values<long>().ToArray() ?? [];
            var kept = LearnBlocks.GetValueOrDefault(id) is { } existing && existing.Type == type ? existing : null;
            var fresh = new LearnBlock(id, name, type, dspIds, kept is not null ? (JObject)kept.Keras.DeepClone() : RecordedKerasSettings());
            if (kept is not null)
            {
                // The trained model stays valid while its inputs do: the same DSP blocks, none new or re-windowed.
                var sameInputs = kept.DspIds.SequenceEqual(dspIds) && !dspIds.Any(changedDsp.Contains);
                fresh.Training = sameInputs ? kept.Training : null;
            }

            learnBlocks[id] = fresh;
        }

        DspBlocks.Clear();
        foreach (var (id, block) in dspBlocks)
        {
            DspBlocks[id] = block;
        }

        LearnBlocks.Clear();
        foreach (var (id, block) in learnBlocks)
        {
            LearnBlocks[id] = block;
        }

        // The impulse as getImpulse shows it: the body's blocks, each with its creation stamp (kept when unchanged).
        foreach (var kind in new[] { "inputBlocks", "dspBlocks", "learnBlocks", "postProcessingBlocks" })
        {
            var blocks = new JArray();
            foreach (var block in (body[kind] as JArray ?? []).OfType<JObject>())
            {
                var stamped = (JObject)block.DeepClone();
                var previous = oldBlocks.GetValueOrDefault((kind, (long?)block["id"] ?? 0));
                var unchanged = previous is not null && JToken.DeepEquals(Unstamped(previous), Unstamped(block));
                stamped["createdAt"] = unchanged ? previous!["createdAt"]?.DeepClone() : SimulatedJob.Timestamp(now);
                stamped["createdBy"] = unchanged ? previous!["createdBy"]?.DeepClone() : "createImpulse";
                blocks.Add(stamped);
            }

            Impulse[kind] = blocks;
        }

        Impulse["name"] = (string?)body["name"] ?? string.Join(" + ", learnBlocks.Values.Select(l => l.Name).DefaultIfEmpty("Impulse"));
        Impulse["type"] = (string?)body["type"] ?? "default";
    }

    private static JObject Unstamped(JObject block) =>
        new(block.Properties().Where(p => p.Name is not ("createdAt" or "createdBy" or "trainingProcessor")).Select(p => new JProperty(p.Name, p.Value.DeepClone())));

    // A DSP block's features depend on its input block's windowing: a changed window makes them stale.
    private static bool InputChanged(JObject dspBlock, Dictionary<long, JObject> oldInputs, JObject body)
    {
        var inputId = (long?)dspBlock["input"];
        var newInputs = (body["inputBlocks"] as JArray ?? []).OfType<JObject>().ToArray();
        var newInput = inputId is { } id ? newInputs.FirstOrDefault(b => (long?)b["id"] == id) : newInputs.FirstOrDefault();
        var oldInput = inputId is { } old ? oldInputs.GetValueOrDefault(old) : oldInputs.Values.FirstOrDefault();
        return newInput is null || oldInput is null
            || new[] { "windowSizeMs", "windowIncreaseMs", "frequencyHz", "imageWidth", "imageHeight" }.Any(f => !JToken.DeepEquals(newInput[f], oldInput[f]));
    }

    private OrderedDictionary<string, string> RecordedDspConfig()
    {
        var config = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in Fixtures.Json("Dsp/getDspConfig.success.json").SelectTokens("config[*].items[*]"))
        {
            config[(string)item["param"]!] = (string?)item["value"] ?? string.Empty;
        }

        return config;
    }

    private JObject RecordedKerasSettings()
    {
        var recorded = Fixtures.Json("Learn/getKeras.success.json");
        return new JObject(recorded.Properties().Where(p => KerasSettableFields.ContainsKey(p.Name)).Select(p => new JProperty(p.Name, p.Value.DeepClone())));
    }

    // The recorded versions, oldest first; the next version continues their numbering.
    private void SeedRecordedVersions()
    {
        var recorded = Fixtures.Json("Projects/listVersions.success.json");
        foreach (var version in (recorded["versions"] as JArray ?? []).OfType<JObject>().OrderBy(v => (long?)v["version"]))
        {
            _versions.Add(version);
        }

        NextVersion = (int?)recorded["nextVersion"] ?? (_versions.Count + 1);
    }
}
