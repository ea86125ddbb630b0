using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>One sample's share of the windows a DSP block turns the data set into.</summary>
internal sealed record SampleWindows(long SampleId, int LabelIndex, int WindowCount);

/// <summary>
/// The project's windowed data set, laid out like the recordings (getDspMetadata: which samples, how many windows each,
/// feature count, window size) and filled with seeded values, so downloadDspData/downloadDspLabels stream real .npy files.
/// </summary>
/// <remarks>
/// Labels follow the Studio's training containers, which read <c>y = np.load(y_file)</c>, use <c>y[:, 0]</c> as the
/// 1-based class index and <c>y[:, 1]</c> as the sample id; the simulator writes int32 rows
/// <c>[label, sampleId, windowStartMs, windowEndMs]</c>. The testing category is synthetic (the recordings only
/// list training samples): a quarter as many samples, with fresh ids.
/// </remarks>
internal sealed class Dataset
{
    private const int RowsPerChunk = 256;

    private readonly int _seed;

    public Dataset(JObject metadata, int axes, int seed)
    {
        _seed = seed;
        Labels = metadata["labels"]!.Values<string>().Select(l => l!).ToArray();
        FeatureCount = (int)metadata["featureCount"]!;
        WindowSizeMs = (int)metadata["windowSizeMs"]!;
        WindowIncreaseMs = (int)metadata["windowIncreaseMs"]!;
        RawValuesPerWindow = (int)Math.Round(WindowSizeMs * (double)metadata["frequency"]! / 1000) * axes;
        var training = metadata["includedSamples"]!
            .Select((s, i) => new SampleWindows((long)s["id"]!, i * Labels.Count / Math.Max(1, metadata["includedSamples"]!.Count()), (int)s["windowCount"]!))
            .ToArray();
        var nextId = training.Length == 0 ? 1 : training.Max(s => s.SampleId) + 1;
        var testing = training.Where((_, i) => i % 4 == 0).Select((s, i) => s with { SampleId = nextId + i }).ToArray();
        Categories = new Dictionary<string, SampleWindows[]>(StringComparer.Ordinal) { ["training"] = training, ["testing"] = testing };
    }

    public IReadOnlyList<string> Labels { get; }

    public int FeatureCount { get; }

    public int WindowSizeMs { get; }

    public int WindowIncreaseMs { get; }

    public int RawValuesPerWindow { get; }

    public IReadOnlyDictionary<string, SampleWindows[]> Categories { get; }

    public IEnumerable<long> SampleIds => Categories.Values.SelectMany(c => c).Select(s => s.SampleId);

    public SampleWindows[] Samples(string category) => Categories.GetValueOrDefault(category) ?? [];

    public int WindowCount(string category) => Samples(category).Sum(s => s.WindowCount);

    /// <summary>A float32 (windows, features) array, or (windows, raw values) with <paramref name="raw"/>.</summary>
    public SimResponse Features(string category, bool raw)
    {
        var samples = Samples(category);
        var width = raw ? RawValuesPerWindow : FeatureCount;
        var header = Npy.Header("<f4", samples.Sum(s => s.WindowCount), width);
        return StreamRows(header, samples, width * sizeof(float), (sample, window, row) =>
        {
            // A label-dependent centre plus seeded noise: classes separate, like real features do.
            var random = new Random(unchecked((_seed * 397) ^ (int)sample.SampleId ^ (window * 7919) ^ (raw ? 1 : 0)));
            for (var i = 0; i < width; i++)
            {
                var centre = ((sample.LabelIndex + 1) * 0.75) + Math.Sin(i + sample.LabelIndex);
                BinaryPrimitives.WriteSingleLittleEndian(row.Slice(i * sizeof(float)), (float)(centre + ((random.NextDouble() - 0.5) * 0.4)));
            }
        });
    }

    /// <summary>An int32 (windows, 4) array of [1-based label, sample id, window start ms, window end ms].</summary>
    public SimResponse LabelRows(string category)
    {
        var samples = Samples(category);
        var header = Npy.Header("<i4", samples.Sum(s => s.WindowCount), 4);
        return StreamRows(header, samples, 4 * sizeof(int), (sample, window, row) =>
        {
            var start = window * WindowIncreaseMs;
            BinaryPrimitives.WriteInt32LittleEndian(row, sample.LabelIndex + 1);
            BinaryPrimitives.WriteInt32LittleEndian(row[4..], checked((int)sample.SampleId));
            BinaryPrimitives.WriteInt32LittleEndian(row[8..], start);
            BinaryPrimitives.WriteInt32LittleEndian(row[12..], start + WindowSizeMs);
        });
    }

    private delegate void RowWriter(SampleWindows sample, int window, Span<byte> row);

    // Streams header + rows in chunks; the length is known up front, so Content-Length is exact.
    private static SimResponse StreamRows(byte[] header, SampleWindows[] samples, int rowBytes, RowWriter writeRow)
    {
        var rows = samples.Sum(s => (long)s.WindowCount);
        return SimResponse.Streamed(header.Length + (rows * rowBytes), "application/octet-stream", async (stream, cancellationToken) =>
        {
            await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[RowsPerChunk * rowBytes];
            var used = 0;
            foreach (var sample in samples)
            {
                for (var window = 0; window < sample.WindowCount; window++)
                {
                    writeRow(sample, window, buffer.AsSpan(used, rowBytes));
                    used += rowBytes;
                    if (used == buffer.Length)
                    {
                        await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
                        used = 0;
                    }
                }
            }

            await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>Deterministic bytes for a block's downloadable file (a trained model): the simulator does not build real ones.</summary>
    public byte[] Artifact(long blockId, string key)
    {
        var random = new Random(unchecked((_seed * 31) + (int)blockId + StableHash(key)));
        var bytes = new byte[1024];
        random.NextBytes(bytes);
        return bytes;
    }

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
