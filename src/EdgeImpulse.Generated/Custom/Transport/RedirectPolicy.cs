// CUSTOM: redirects are followed here, not by the HTTP handler (auto-redirect is off on both construction paths), so
// credentials stay on the configured origin (CredentialPolicy adds them per request, by origin) and a method is never
// silently changed: GET follows any redirect (to another origin without credentials); another method follows only a
// 307/308 on the configured origin, and only when the operation is safe to re-send and its body can be sent again
// (a streamed body: StreamedRequestBody.CanResend); anything else fails typed.
using System;
using System.Net;
using System.Net.Http;
using RestSharp;

namespace EdgeImpulse.Generated;

internal static class RedirectPolicy
{
    /// <summary>The most redirects one attempt follows.</summary>
    public const int MaxRedirects = 5;

    public static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
        && response.Headers.Location is not null;

    /// <summary>
    /// Decides how to follow <paramref name="response"/>: the next request, or the typed failure that refuses it.
    /// </summary>
    public static RestRequest Follow(RestRequest request, HttpResponseMessage response, ApiOperation operation, CredentialPolicy credentials, int redirects)
    {
        var status = (int)response.StatusCode;
        var from = response.RequestMessage?.RequestUri;
        var target = response.Headers.Location!.IsAbsoluteUri || from is null ? response.Headers.Location! : new Uri(from, response.Headers.Location!);
        var sameOrigin = credentials.IsConfiguredOrigin(target);
        var where = sameOrigin ? "on the same origin" : $"to another origin ({target.Scheme}://{target.Authority})";
        if (redirects >= MaxRedirects)
        {
            throw Refused(operation, status, $"more than {MaxRedirects} redirects");
        }

        if (!target.IsAbsoluteUri || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
        {
            throw Refused(operation, status, "a redirect to a location that is not an http(s) address");
        }

        if (request.Method == Method.Get)
        {
            var next = new RestRequest(target, Method.Get);
            CopyHeaders(request, next);
            return next;
        }

        if (status is 307 or 308 && sameOrigin && operation.Idempotent)
        {
            var body = StreamedRequestBody.Of(request);
            if (body is { CanResend: false })
            {
                throw Refused(operation, status, $"a {status} redirect: the body streams from a stream that cannot be rewound and was already sent");
            }

            var next = new RestRequest(target, request.Method);
            body?.AttachTo(next);
            foreach (var parameter in request.Parameters)
            {
                if (parameter.Type is ParameterType.RequestBody or ParameterType.HttpHeader)
                {
                    next.AddParameter(parameter);
                }
            }

            return next;
        }

        var reason = status is 307 or 308
            ? operation.Idempotent ? $"a {status} redirect {where}; a {operation.Method} is re-sent only on the configured origin" : $"a {status} redirect {where}; {operation.Id} is not safe to re-send"
            : $"a {status} redirect {where}, which would turn the {operation.Method} into a GET";
        throw Refused(operation, status, reason);
    }

    /// <summary>The failure for a response a caller-owned handler fetched from another origin by following a redirect itself.</summary>
    public static EdgeImpulseApiException LeftTheOrigin(ApiOperation operation, HttpResponseMessage response) =>
        new(
            $"{operation.Id}: the response came from another origin ({response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Authority)}): the HttpClient's handler follows redirects itself. Set AllowAutoRedirect = false on it; the client follows redirects and keeps credentials on the configured origin.",
            operation.Id,
            (int)response.StatusCode,
            null,
            response.Content.Headers.ContentType?.MediaType,
            null);

    private static void CopyHeaders(RestRequest from, RestRequest to)
    {
        foreach (var parameter in from.Parameters)
        {
            if (parameter.Type is ParameterType.HttpHeader)
            {
                to.AddParameter(parameter);
            }
        }
    }

    private static EdgeImpulseApiException Refused(ApiOperation operation, int status, string reason) =>
        new($"{operation.Id} failed (HTTP {status}): refused to follow {reason}.", operation.Id, status, null, null, null);
}
