// CUSTOM: credentials are added to each outgoing request here, and only when it goes to the configured origin
// (BaseUrl's scheme, host and port). A redirect to a storage host or anywhere else never carries them: .NET's own
// redirect handling strips only Authorization, and a service may use its own headers (Edge Impulse: x-api-key,
// x-jwt-token). Which header carries which credential is the service's (ServiceProfile).
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

internal sealed class CredentialPolicy(EdgeImpulseClientOptions options, ServiceProfile profile) : RestSharp.Interceptors.Interceptor
{
    private readonly Uri _origin = options.BaseUrl;

    /// <summary>Gets a value indicating whether <paramref name="uri"/> is on the configured origin (scheme, host, port).</summary>
    public bool IsConfiguredOrigin(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && string.Equals(uri.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _origin.Port;

    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        if (IsConfiguredOrigin(requestMessage.RequestUri))
        {
            Add(requestMessage, profile.ApiKey, options.ApiKey);
            Add(requestMessage, profile.JwtToken, options.JwtToken);
        }

        return ValueTask.CompletedTask;
    }

    private static void Add(HttpRequestMessage requestMessage, CredentialHeader header, string? credential)
    {
        // Idempotent: RestSharp may run an interceptor both from the client's and the request's list.
        if (credential is not null && !requestMessage.Headers.Contains(header.Name))
        {
            requestMessage.Headers.TryAddWithoutValidation(header.Name, header.ValueFor(credential));
        }
    }
}
