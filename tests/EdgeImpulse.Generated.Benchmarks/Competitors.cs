// The three clients under comparison, each on its own HttpClient over an identical SocketsHttpHandler, all talking to
// the same loopback server: this library, the hand-written floor, and NSwag's stock client (namespace Stock).
using System;
using System.IO;
using System.Net.Http;
using Newtonsoft.Json;

namespace EdgeImpulse.Generated.Benchmarks;

internal sealed class Competitors : IDisposable
{
    public const int ProjectId = 1;
    public const int DspId = 2;
    public const int LearnId = 3;
    private const string ApiKey = "ei_benchmark_key";

    private readonly HttpClient _libraryHttp = NewHttpClient();
    private readonly HttpClient _floorHttp = NewHttpClient();
    private readonly HttpClient _stockHttp = NewHttpClient();

    public Competitors(Uri baseUrl)
    {
        Library = new EdgeImpulseClient(_libraryHttp, new EdgeImpulseClientOptions { BaseUrl = baseUrl, ApiKey = ApiKey, Timeout = TimeSpan.FromMinutes(2) });
        Floor = new HandWrittenClient(_floorHttp, baseUrl);
        var stockBaseUrl = baseUrl.ToString().TrimEnd('/');
        StockLearn = new Stock.LearnClient(_stockHttp) { BaseUrl = stockBaseUrl };
        StockDsp = new Stock.DspClient(_stockHttp) { BaseUrl = stockBaseUrl };
        var request = ReadResource("setKeras.request.json");
        SetKerasRequest = JsonConvert.DeserializeObject<SetKerasParameterRequest>(request)!;
        StockSetKerasRequest = JsonConvert.DeserializeObject<Stock.SetKerasParameterRequest>(request)!;
        RawHttp = _floorHttp;
    }

    public EdgeImpulseClient Library { get; }

    public HandWrittenClient Floor { get; }

    public Stock.LearnClient StockLearn { get; }

    public Stock.DspClient StockDsp { get; }

    /// <summary>Gets the floor's HttpClient, for the raw download baseline.</summary>
    public HttpClient RawHttp { get; }

    public SetKerasParameterRequest SetKerasRequest { get; }

    public Stock.SetKerasParameterRequest StockSetKerasRequest { get; }

    public void Dispose()
    {
        Library.Dispose();
        _libraryHttp.Dispose();
        _floorHttp.Dispose();
        _stockHttp.Dispose();
    }

    private static HttpClient NewHttpClient()
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("x-api-key", ApiKey);
        return http;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(Competitors).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
