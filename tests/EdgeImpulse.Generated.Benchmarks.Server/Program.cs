// The benchmarks' loopback server: Kestrel on 127.0.0.1 at a free port, answering the few Studio routes the
// benchmarks call with canned bytes. It prints "listening on <url>" once ready and runs until killed (or until its
// standard input closes, so it never outlives the benchmark process that started it).
using System;
using System.IO;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Benchmarks.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024);
var app = builder.Build();

var dspConfig = Payloads.Fixture("getDspConfig.success.json");
var longKeras = Payloads.LongKeras();
var setKeras = Payloads.Fixture("setKeras.success.json");
// 256 MiB of float32 data (65536 windows x 1024 features), as in issue 8, built on first request; the "testing"
// category is a 1 MiB one of the same shape per row, to warm a process up without touching its peak memory.
// "--npy-rows N" makes it smaller (the CI smoke run).
var rows = args.Length == 2 && args[0] == "--npy-rows" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 65536;
var npy = new Lazy<byte[]>(() => Payloads.Float32Npy(rows, 1024));
var smallNpy = Payloads.Float32Npy(256, 1024);

app.MapGet("/v1/api/{projectId}/dsp/{dspId}", (HttpContext context) => SendAsync(context, dspConfig, "application/json; charset=utf-8"));
app.MapGet("/v1/api/{projectId}/training/keras/{learnId}", (HttpContext context) => SendAsync(context, longKeras, "application/json; charset=utf-8"));
app.MapPost("/v1/api/{projectId}/training/keras/{learnId}", async (HttpContext context) =>
{
    // Read the whole request body, as the Studio does, before answering.
    await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
    await SendAsync(context, setKeras, "application/json; charset=utf-8");
});
app.MapGet("/v1/api/{projectId}/dsp-data/{dspId}/x/{category}", (HttpContext context, string category) =>
    SendAsync(context, category == "testing" ? smallNpy : npy.Value, "application/octet-stream"));
app.MapGet("/sizes", () => Results.Json(new { dspConfig = dspConfig.Length, longKeras = longKeras.Length, setKeras = setKeras.Length }));

await app.StartAsync();
foreach (var url in app.Urls)
{
    Console.WriteLine($"listening on {url}");
}

Console.Out.Flush();
// Stops when the parent closes our standard input (or dies): a killed benchmark leaves no server behind.
await Task.Run(() => Console.In.ReadToEnd());
await app.StopAsync();

static Task SendAsync(HttpContext context, byte[] body, string contentType)
{
    context.Response.ContentType = contentType;
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
}
