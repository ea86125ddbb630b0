// The floor every other competitor is measured against: what a careful developer writes by hand with HttpClient and
// Newtonsoft.Json, into the library's own DTO types. Reads the headers first, then deserializes straight from the
// response stream (JsonTextReader over StreamReader); no envelope check beyond the status code.
using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace EdgeImpulse.Generated.Benchmarks;

internal sealed class HandWrittenClient(HttpClient http, Uri baseUrl)
{
    private static readonly JsonSerializerSettings Settings = new() { DateParseHandling = DateParseHandling.None };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    public Task<DspConfigResponse> GetDspConfigAsync(int projectId, int dspId, CancellationToken cancellationToken = default) =>
        GetAsync<DspConfigResponse>($"api/{projectId}/dsp/{dspId}", cancellationToken);

    public Task<KerasResponse> GetKerasAsync(int projectId, int learnId, CancellationToken cancellationToken = default) =>
        GetAsync<KerasResponse>($"api/{projectId}/training/keras/{learnId}", cancellationToken);

    public async Task<GenericApiResponse> SetKerasAsync(int projectId, int learnId, SetKerasParameterRequest body, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(JsonConvert.SerializeObject(body, Settings), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(baseUrl, $"api/{projectId}/training/keras/{learnId}"), content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<GenericApiResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseUrl, path), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new JsonTextReader(new StreamReader(stream));
        return Serializer.Deserialize<T>(reader) ?? throw new JsonSerializationException("The body was JSON null.");
    }
}
