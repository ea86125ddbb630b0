using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Simulator;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Simulator;

/// <summary>Starting simulators, pointing clients at them, waiting for jobs, reading .npy files.</summary>
internal static partial class SimulatorTestKit
{
    /// <summary>Gets a sample id the recordings know (the sample of getDspRawSample).</summary>
    public static long RecordedSampleId { get; } = (long)JObject.Parse(TestPaths.ReadFixture("Dsp/getDspRawSample.success.json")).SelectToken("sample.id")!;

    /// <summary>A simulator with test-short job timings.</summary>
    public static Task<StudioSimulator> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Jobs = JobTimings.Fast };
        configure?.Invoke(options);
        return StudioSimulator.StartAsync(options);
    }

    public static EdgeImpulseClient CreateClient(StudioSimulator sim, Action<EdgeImpulseClientOptions>? configure = null)
    {
        // One attempt per call: these tests observe each simulated fault as the client meets it (retries: RetryPolicyTests, FaultInjectionTests).
        var options = new EdgeImpulseClientOptions { BaseUrl = sim.BaseUrl, ApiKey = sim.ApiKey, Timeout = TimeSpan.FromSeconds(10), Retry = new EdgeImpulseRetryOptions { MaxRetries = 0 } };
        configure?.Invoke(options);
        return new EdgeImpulseClient(options);
    }

    /// <summary>A raw HttpClient for what the typed client cannot send (invalid bodies) or does not expose (headers).</summary>
    public static HttpClient CreateHttpClient(StudioSimulator sim, bool withApiKey = true)
    {
        var http = new HttpClient { BaseAddress = new Uri(sim.BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(10) };
        if (withApiKey)
        {
            http.DefaultRequestHeaders.Add("x-api-key", sim.ApiKey);
        }

        return http;
    }

    public static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Polls getJobStatus until the job has finished (the 30 s bound only stops a broken simulator from hanging the run).</summary>
    public static async Task<Job> WaitForJobAsync(EdgeImpulseClient client, StudioSimulator sim, long? startedJobId)
    {
        var jobId = startedJobId ?? throw new AssertionException("The start call returned no job id.");
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var job = (await client.Jobs.GetJobStatusAsync(sim.ProjectId, jobId, bound.Token)).Job
                ?? throw new AssertionException($"getJobStatus returned no job for {jobId}.");
            if (job.Finished is not null)
            {
                return job;
            }

            await Task.Delay(20, bound.Token);
        }
    }

    public static async Task<Job> GenerateFeaturesAsync(EdgeImpulseClient client, StudioSimulator sim, bool featureImportance = false)
    {
        var started = await client.Jobs.GenerateFeaturesJobAsync(sim.ProjectId, new GenerateFeaturesRequest { DspId = sim.DspId, CalculateFeatureImportance = featureImportance });
        return await WaitForJobAsync(client, sim, started.Id);
    }

    public static async Task<byte[]> ReadAllAsync(FileResponse file)
    {
        using var copy = new MemoryStream();
        await file.Stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>The value of the last "val_accuracy: x" a training log printed.</summary>
    public static double LastValidationAccuracy(string log) =>
        double.Parse(ValAccuracy().Matches(log).Last().Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"val_accuracy: ([0-9.]+)")]
    private static partial Regex ValAccuracy();
}

/// <summary>A tiny .npy reader for tests (NumPy format 1.0), independent of the library's own reader.</summary>
internal sealed partial record NpyFile(string Descr, bool FortranOrder, long[] Shape, int DataOffset, byte[] Bytes)
{
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    public static NpyFile Parse(byte[] bytes)
    {
        if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
        {
            throw new InvalidDataException("Not an .npy file: the magic string is missing.");
        }

        if (bytes[6] != 1 || bytes[7] != 0)
        {
            throw new InvalidDataException($"Unexpected .npy version {bytes[6]}.{bytes[7]}.");
        }

        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        var match = HeaderPattern().Match(header);
        if (!match.Success || !header.EndsWith('\n'))
        {
            throw new InvalidDataException($"Unreadable .npy header: {header}");
        }

        var shape = match.Groups["shape"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(long.Parse).ToArray();
        return new NpyFile(match.Groups["descr"].Value, match.Groups["fortran"].Value == "True", shape, 10 + headerLength, bytes);
    }

    public float Float32(long index) => BinaryPrimitives.ReadSingleLittleEndian(Bytes.AsSpan(DataOffset + checked((int)index * 4)));

    public int Int32(long index) => BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(DataOffset + checked((int)index * 4)));

    [GeneratedRegex(@"^\{'descr': '(?<descr>[^']+)', 'fortran_order': (?<fortran>True|False), 'shape': \((?<shape>[0-9, ]*)\), \} *\n$")]
    private static partial Regex HeaderPattern();
}

/// <summary>A clock tests move by hand, so job lifecycles are exact without waiting.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 1, 14, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
