// CUSTOM: credentials are added to each outgoing request here, and only when it goes to the configured origin
// (BaseUrl's scheme, host and port). A redirect to a storage host or anywhere else never carries x-api-key or
// x-jwt-token (.NET's own redirect handling strips only Authorization, which this API does not use).
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

internal sealed class CredentialPolicy(EdgeImpulseClientOptions options) : RestSharp.Interceptors.Interceptor
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
            // Idempotent: RestSharp may run an interceptor both from the client's and the request's list.
            if (options.ApiKey is not null && !requestMessage.Headers.Contains("x-api-key"))
            {
                requestMessage.Headers.TryAddWithoutValidation("x-api-key", options.ApiKey);
            }

            if (options.JwtToken is not null && !requestMessage.Headers.Contains("x-jwt-token"))
            {
                requestMessage.Headers.TryAddWithoutValidation("x-jwt-token", options.JwtToken);
            }
        }

        return ValueTask.CompletedTask;
    }
}
