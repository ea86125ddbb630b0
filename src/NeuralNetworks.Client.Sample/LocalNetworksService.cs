// A stand-in for the Neural Networks service on 127.0.0.1 (HttpListener), just enough for the sample: an in-memory
// store, pages of pageSize with absolute next links, "Authorization: Token <key>" required, {"detail": ...} errors.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace NeuralNetworks.Client.Sample;

internal sealed class LocalNetworksService : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly SortedDictionary<int, JObject> _networks = [];
    private readonly Lock _gate = new();
    private readonly int _pageSize;
    private readonly Task _loop;
    private int _nextId = 1;

    private LocalNetworksService(int port, int pageSize, int existingNetworks)
    {
        _pageSize = pageSize;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/v1");
        for (var i = 0; i < existingNetworks; i++)
        {
            Store(new JObject { ["name"] = $"existing-{i + 1}", ["framework"] = "tensorflow-1.x" });
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public string ApiKey { get; } = "sample_only_" + Guid.NewGuid().ToString("N");

    public static LocalNetworksService Start(int pageSize, int existingNetworks)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LocalNetworksService(port, pageSize, existingNetworks);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop.ConfigureAwait(false);
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var response = context.Response;
            var (status, body) = Handle(context.Request);
            response.StatusCode = status;
            if (body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(body.ToString());
                response.ContentType = "application/json";
                await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            }
        }
    }

    private (int Status, JToken? Body) Handle(HttpListenerRequest request)
    {
        if (request.Headers["Authorization"] != "Token " + ApiKey)
        {
            return (401, Detail("Invalid token."));
        }

        var path = request.Url!.AbsolutePath;
        lock (_gate)
        {
            if (path == "/v1/networks/" && request.HttpMethod == "GET")
            {
                var page = int.TryParse(request.QueryString["page"], out var number) ? number : 1;
                var all = _networks.Values.ToList();
                var next = page * _pageSize < all.Count ? $"{BaseUrl}/networks/?page={page + 1}" : null;
                var previous = page > 1 ? $"{BaseUrl}/networks/?page={page - 1}" : null;
                return (200, new JObject { ["count"] = all.Count, ["next"] = next, ["previous"] = previous, ["results"] = new JArray(all.Skip((page - 1) * _pageSize).Take(_pageSize)) });
            }

            if (path == "/v1/networks/" && request.HttpMethod == "POST")
            {
                var form = ReadForm(request);
                var network = new JObject
                {
                    ["name"] = form["name"],
                    ["description"] = form.GetValueOrDefault("description"),
                    ["framework"] = form["framework"],
                    ["metadata"] = JToken.Parse(form["metadata"]),
                    ["preprocessing"] = JToken.Parse(form["preprocessing"]),
                    ["postprocessings"] = JToken.Parse(form["postprocessings"]),
                };
                return (201, Store(network));
            }

            var id = int.TryParse(path.Replace("/v1/networks/", string.Empty, StringComparison.Ordinal).TrimEnd('/'), out var parsed) ? parsed : -1;
            if (!_networks.TryGetValue(id, out var found))
            {
                return (404, Detail("Not found."));
            }

            switch (request.HttpMethod)
            {
                case "GET":
                    return (200, found);
                case "PATCH":
                    using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
                    {
                        foreach (var field in JObject.Parse(reader.ReadToEnd()).Properties().Where(p => p.Name is "name" or "description" or "metadata"))
                        {
                            found[field.Name] = field.Value;
                        }
                    }

                    found["update_date"] = DateTimeOffset.UtcNow.ToString("o");
                    return (200, found);
                case "DELETE":
                    _networks.Remove(id);
                    return (204, null);
                default:
                    return (405, Detail("Method not allowed."));
            }
        }
    }

    private JObject Store(JObject network)
    {
        var id = _nextId++;
        network["id"] = id;
        network["task_id"] = 1000 + id;
        network["update_date"] = DateTimeOffset.UtcNow.ToString("o");
        _networks[id] = network;
        return network;
    }

    private static JObject Detail(string text) => new() { ["detail"] = text };

    // The form's text parts by name (the sample's stand-in reads only those; file parts are skipped).
    private static Dictionary<string, string> ReadForm(HttpListenerRequest request)
    {
        var boundary = "--" + request.ContentType!.Split("boundary=")[1].Trim('"');
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in reader.ReadToEnd().Split(boundary).Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)))
        {
            var headerEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = part[..headerEnd];
            if (!headers.Contains("filename=", StringComparison.Ordinal))
            {
                form[headers.Split("name=")[1].Split(';', '\r')[0].Trim('"')] = part[(headerEnd + 4)..].TrimEnd('\r', '\n');
            }
        }

        return form;
    }
}
