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
    private LoopbackServer? _server;
    private Competitors? _competitors;

    private Competitors C => _competitors!;

    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackServer.Start();
        _competitors = new Competitors(_server.BaseUrl);
        var raw = RawCopy().GetAwaiter().GetResult();
        var array = (NpyArray<float>)NpyArray().GetAwaiter().GetResult();
        var file = FileResponseStreamCopy().GetAwaiter().GetResult();
        var data = MemoryMarshal.AsBytes(array.Span);
        if (!raw.AsSpan().SequenceEqual(file) || array.Length != 65536 * 1024 || !data.SequenceEqual(raw.AsSpan(raw.Length - data.Length)))
        {
            throw new InvalidOperationException("The three downloads did not read the same bytes.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _competitors?.Dispose();
        _server?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient into byte[]"), BenchmarkCategory("256 MiB .npy")]
    public async Task<byte[]> RawCopy()
    {
        using var response = await C.RawHttp.GetAsync(Url(), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)response.Content.Headers.ContentLength!.Value));
        await using var stream = await response.Content.ReadAsStreamAsync();
        await stream.ReadExactlyAsync(bytes);
        return bytes;
    }

    [Benchmark(Description = "DownloadDspDataArrayAsync → NpyArray"), BenchmarkCategory("256 MiB .npy")]
    public Task<NpyArray> NpyArray() =>
        C.Library.Dsp.DownloadDspDataArrayAsync(Competitors.ProjectId, Competitors.DspId, RawDataCategory.Training);

    [Benchmark(Description = "FileResponse.Stream into byte[]"), BenchmarkCategory("256 MiB .npy")]
    public async Task<byte[]> FileResponseStreamCopy()
    {
        using var file = await C.Library.Dsp.DownloadDspDataAsync(Competitors.ProjectId, Competitors.DspId, RawDataCategory.Training);
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)file.ContentLength!.Value));
        await file.Stream.ReadExactlyAsync(bytes);
        return bytes;
    }

    private Uri Url() => new(_server!.BaseUrl, $"api/{Competitors.ProjectId}/dsp-data/{Competitors.DspId}/x/training");
}
