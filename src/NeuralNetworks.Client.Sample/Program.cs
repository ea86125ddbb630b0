// The Neural Networks client end to end: create a network with its files, list every network (page by page), edit
// its name, read it back and delete it. Usage: dotnet run [-- <base URL> <API key>]; without arguments it runs
// against LocalNetworksService, an in-process stand-in on 127.0.0.1.
using System;
using System.Text;
using System.Threading.Tasks;
using NeuralNetworks.Client;
using NeuralNetworks.Client.Sample;
using Newtonsoft.Json.Linq;

await using var local = args.Length >= 2 ? null : LocalNetworksService.Start(pageSize: 2, existingNetworks: 3);
var baseUrl = local?.BaseUrl ?? new Uri(args[0]);
var apiKey = local?.ApiKey ?? args[1];
using var client = new NeuralNetworksClient(new NeuralNetworksClientOptions { BaseUrl = baseUrl, ApiKey = apiKey });

var created = await client.Networks.CreateNetworkAsync(
    new Network
    {
        Name = "fruit-detector",
        Description = "Finds fruit on a conveyor",
        Metadata = new JObject { ["owner"] = "vision-team" },
        Framework = Framework.Tensorflow1X,
        Preprocessing = new Preprocessing
        {
            Inputs = [new InputPreprocessing { TensorName = "input:0", Image = new ImagePreprocessing { DimensionOrder = DimensionOrder.NHWC, ResizeType = ResizeType.SQUASH, TargetSize = "224x224", ColorChannels = ColorChannels.RGB, PixelScaling = 255 } }],
        },
        Postprocessings = [new Postprocessing { TensorsOutput = new DefaultPostprocessing { Tensors = ["logits:0"] } }],
    },
    [new NetworkFile("saved_model.pb", Encoding.UTF8.GetBytes("a stand-in graph"))]);
Console.WriteLine($"Created network {created.Id} ({created.Name}).");

var count = 0;
await foreach (var network in client.Networks.ListAllNetworksAsync())
{
    count++;
    Console.WriteLine($"  {network.Id}: {network.Name}");
}

Console.WriteLine($"Listed {count} networks.");

await client.Networks.UpdateNetworkAsync(new NetworkUpdate { Name = "fruit-detector-v2" }, created.Id ?? throw new InvalidOperationException("The service returned no id."));
var edited = await client.Networks.GetNetworkAsync(created.Id.Value);
Console.WriteLine($"Renamed to {edited.Name}; description kept: {edited.Description}.");

await client.Networks.DeleteNetworkAsync(created.Id.Value);
try
{
    await client.Networks.GetNetworkAsync(created.Id.Value);
    throw new InvalidOperationException("The deleted network is still there.");
}
catch (NeuralNetworksApiException failure) when (failure.Status == 404)
{
    Console.WriteLine($"Deleted; reading it again: {failure.Message}");
}

Console.WriteLine($"Done: network {created.Id} created, listed among {count}, edited and deleted.");
