// CUSTOM: the Networks operations the generated client does not give: every page of the list as one stream (following
// `next`) and create (multipart: the network's fields and one part per file, named by its file name, which a fixed
// multipart schema cannot describe; corrections.overlay.yaml says so). Delete (204) is generated. Both go through the
// shared runtime's one path (ApiConnection): credentials, retries, typed errors.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RestSharp;

namespace NeuralNetworks.Client;

/// <content>Paging and create.</content>
public partial interface INetworksClient
{
    /// <summary>Lists every network, reading one page at a time as the enumeration needs it (following each page's <c>next</c>).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The networks, in the service's order.</returns>
    /// <exception cref="NeuralNetworksApiException">A page could not be read, or a page's <c>next</c> link repeats one already read.</exception>
    IAsyncEnumerable<Network> ListAllNetworksAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a network from its fields and its files (graph, weights, mean files), sent as one multipart request.</summary>
    /// <param name="network">The network: name, description, metadata, framework, preprocessing and postprocessings (the read-only fields are not sent).</param>
    /// <param name="files">Its files, e.g. <c>saved_model.pb</c>; each is a part named by its file name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The network as created.</returns>
    /// <exception cref="ArgumentException">A post-processing has not exactly one of its outputs, a required field is missing, or two files share a name.</exception>
    /// <exception cref="NeuralNetworksApiException">The service refused the network, or the request failed.</exception>
    Task<Network> CreateNetworkAsync(Network network, IEnumerable<NetworkFile> files, CancellationToken cancellationToken = default);
}

/// <content>Paging and create.</content>
public partial class NetworksClient
{
    private static readonly ApiOperation CreateNetwork = new("createNetwork", "POST", "networks/", Idempotent: false, StartsJob: false);
    private static readonly ApiOperation ListNetworksNext = new("listNetworks", "GET", "networks/?page", Idempotent: true, StartsJob: false);

    /// <inheritdoc />
    public virtual async IAsyncEnumerable<Network> ListAllNetworksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = await ListNetworksAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var network in page.Results)
            {
                yield return network;
            }

            if (page.Next is null)
            {
                yield break;
            }

            // A page that links back to one already read would make the enumeration endless.
            var next = page.Next;
            if (!next.IsAbsoluteUri || !seen.Add(next.AbsoluteUri))
            {
                throw new NeuralNetworksApiException($"listNetworks: the page's next link '{next}' {(next.IsAbsoluteUri ? "repeats a page already read" : "is not an absolute URL")}.", "listNetworks", 200, null, null, null);
            }

            page = await _connection.SendAsync<NetworkPage>(new RestRequest(next, Method.Get), ListNetworksNext, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public virtual Task<Network> CreateNetworkAsync(Network network, IEnumerable<NetworkFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(files);
        var fileList = files.ToList();
        if (fileList.Any(file => file is null))
        {
            throw new ArgumentException("files must not contain null.", nameof(files));
        }

        if (string.IsNullOrWhiteSpace(network.Name) || network.Framework is null || network.Preprocessing is null || network.Postprocessings.Count == 0)
        {
            throw new ArgumentException("A new network needs its name, framework, preprocessing and at least one post-processing.", nameof(network));
        }

        Postprocessing.ThrowIfInvalid(network.Postprocessings, nameof(network));
        var duplicate = fileList.GroupBy(file => file.FileName, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two files are named '{duplicate.Key}'; each part is named by its file name.", nameof(files));
        }

        var request = new RestRequest("networks/", Method.Post) { AlwaysMultipartFormData = true };
        request.AddParameter("name", network.Name);
        if (network.Description is not null)
        {
            request.AddParameter("description", network.Description);
        }

        request.AddParameter("framework", network.Framework.Value.Value);
        request.AddParameter("metadata", Json(network.Metadata ?? new Newtonsoft.Json.Linq.JObject()));
        request.AddParameter("preprocessing", Json(network.Preprocessing));
        request.AddParameter("postprocessings", Json(network.Postprocessings));
        foreach (var file in fileList)
        {
            // Opened per attempt, so a retry (only when the request provably never left) sends the whole file again.
            request.AddFile(file.FileName, file.Open, file.FileName, ContentType.Binary);
        }

        return _connection.SendAsync<Network>(request, CreateNetwork, cancellationToken);
    }

    private static string Json(object value) => Newtonsoft.Json.JsonConvert.SerializeObject(value, ApiConnection.SerializerSettings);
}
