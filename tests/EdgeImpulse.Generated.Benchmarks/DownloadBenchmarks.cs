// Download rates (issue 8, item 3): the 256 MiB float32 .npy read into an NpyArray by this client, and the same bytes
// through FileResponse.Stream, against the raw floor: HttpClient's response stream read into a freshly allocated array.
using System;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using EdgeImpulse.Generated.Npy;

namespace EdgeImpulse.Generated.Benchmarks;

[BenchmarkCategory("Download")]
public class DownloadBenchmarks
{
    /// <summary>Gets the big array's size: 65536 windows x 1024 float32 features (smaller in the smoke run).</summary>
    public static long ArrayBytes => LoopbackServer.NpyRows * 1024L * sizeof(float);

    private LoopbackServer? _server;
    private Competitors? _competitors;

    private Competitors C => _competitors!;

    [GlobalSetup]
    public void Setup()
    {
        Start();
        CheckAllReadTheSameAsync().GetAwaiter().GetResult();
    }

    /// <summary>Starts the server and the clients, nothing else (the peak measurement downloads nothing big before its own).</summary>
    public void Start()
    {
        _server = LoopbackServer.Start();
        _competitors = new Competitors(_server.BaseUrl);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _competitors?.Dispose();
        _server?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient into byte[]"), BenchmarkCategory("256 MiB .npy")]
    public Task<byte[]> RawCopy() => RawCopyAsync(RawDataCategory.Training);

    [Benchmark(Description = "DownloadDspDataArrayAsync → NpyArray"), BenchmarkCategory("256 MiB .npy")]
    public Task<NpyArray> NpyArray() => NpyArrayAsync(RawDataCategory.Training);

    [Benchmark(Description = "FileResponse.Stream into byte[]"), BenchmarkCategory("256 MiB .npy")]
    public Task<byte[]> FileResponseStreamCopy() => FileResponseStreamCopyAsync(RawDataCategory.Training);

    /// <summary>The floor: headers first, then the body read straight into one array of its Content-Length.</summary>
    public async Task<byte[]> RawCopyAsync(RawDataCategory category)
    {
        using var response = await C.RawHttp.GetAsync(new Uri(_server!.BaseUrl, $"api/{Competitors.ProjectId}/dsp-data/{Competitors.DspId}/x/{category}"), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)response.Content.Headers.ContentLength!.Value));
        await using var stream = await response.Content.ReadAsStreamAsync();
        await stream.ReadExactlyAsync(bytes);
        return bytes;
    }

    public Task<NpyArray> NpyArrayAsync(RawDataCategory category) =>
        C.Library.Dsp.DownloadDspDataArrayAsync(Competitors.ProjectId, Competitors.DspId, category);

    public async Task<byte[]> FileResponseStreamCopyAsync(RawDataCategory category)
    {
        using var file = await C.Library.Dsp.DownloadDspDataAsync(Competitors.ProjectId, Competitors.DspId, category);
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)file.ContentLength!.Value));
        await file.Stream.ReadExactlyAsync(bytes);
        return bytes;
    }

    /// <summary>Downloads the big array all three ways and fails unless they read the same bytes.</summary>
    public async Task CheckAllReadTheSameAsync()
    {
        var raw = await RawCopy();
        var file = await FileResponseStreamCopy();
        if (!raw.AsSpan().SequenceEqual(file))
        {
            throw new InvalidOperationException("FileResponse.Stream did not read the bytes the raw download read.");
        }

        file = null;
        var array = (NpyArray<float>)await NpyArray();
        var data = MemoryMarshal.AsBytes(array.Span);
        if (data.Length != ArrayBytes || !data.SequenceEqual(raw.AsSpan(raw.Length - data.Length)))
        {
            throw new InvalidOperationException("The NpyArray does not hold the bytes the raw download read.");
        }
    }
}
