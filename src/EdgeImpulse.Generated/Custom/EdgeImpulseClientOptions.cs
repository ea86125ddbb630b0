// CUSTOM: settings the EdgeImpulseClient facade owns and every generated area client shares.
using System;
using Microsoft.Extensions.Logging;

namespace EdgeImpulse.Generated;

/// <summary>Settings for <see cref="EdgeImpulseClient"/>.</summary>
public sealed class EdgeImpulseClientOptions
{
    /// <summary>The Studio's public API address.</summary>
    public static readonly Uri DefaultBaseUrl = ClientService.Profile.DefaultBaseUrl;

    /// <summary>Gets or sets the API base address; every operation path is relative to it.</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Gets or sets the API key, sent only to <see cref="BaseUrl"/>'s origin, in the service's credential header (the Studio: <c>x-api-key</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets a JWT, sent only to <see cref="BaseUrl"/>'s origin, in the service's token header (the Studio: <c>x-jwt-token</c>, from <c>POST /api-login</c>). Use either this or <see cref="ApiKey"/>.</summary>
    public string? JwtToken { get; set; }

    /// <summary>
    /// Gets or sets the time one HTTP call may take before it fails: from sending the request until the whole answer
    /// is read (for JSON and text operations), or until the headers of a download have arrived (its body is then the
    /// caller's to read, under <see cref="ReadTimeout"/>). While an upload's file is being sent, each chunk read from it
    /// restarts the clock, so a large upload is bounded by its progress, not its size. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Gets or sets how long a read of a download's body (<see cref="FileResponse.Stream"/>, the <c>.npy</c> array
    /// helpers) may wait for the next bytes before it fails; it bounds a stalled transfer without limiting a long one.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the largest download (in bytes) a binary operation accepts; null for no limit.</summary>
    public long? MaxDownloadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the largest JSON or text answer (in bytes) an operation accepts; null for no limit. A larger answer
    /// fails as soon as it is known to be larger (from its Content-Length, or while it is read), without being held.
    /// </summary>
    public long? MaxResponseBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Gets or sets how failed calls are retried (see <see cref="EdgeImpulseRetryOptions"/>).</summary>
    public EdgeImpulseRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Gets or sets where the client logs (category <c>EdgeImpulse.Generated</c>): one Debug line per attempt, a Warning
    /// per retry, job state changes at Information. Null logs nothing; with dependency injection the container's
    /// <see cref="ILoggerFactory"/> is used when this is null. Credentials never appear in the log.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the User-Agent sent with every request.</summary>
    public string UserAgent { get; set; } = typeof(EdgeImpulseClientOptions).Assembly.GetName().Name + "/" + typeof(EdgeImpulseClientOptions).Assembly.GetName().Version?.ToString(3);

    /// <inheritdoc />
    /// <remarks>Credentials are never printed, only whether they are set.</remarks>
    public override string ToString() =>
        $"BaseUrl={(BaseUrl is { IsAbsoluteUri: true, UserInfo.Length: > 0 } ? "(with user info, hidden)" : BaseUrl?.ToString())}, ApiKey={(ApiKey is null ? "none" : "***")}, JwtToken={(JwtToken is null ? "none" : "***")}, Timeout={Timeout}, ReadTimeout={ReadTimeout}, MaxDownloadBytes={MaxDownloadBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}, MaxResponseBytes={MaxResponseBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}, Retry=({Retry})";

    /// <summary>The longest <see cref="Timeout"/> accepted: what .NET's HttpClient and timers take (int.MaxValue ms, about 24.8 days).</summary>
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    internal EdgeImpulseClientOptions Validated()
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("BaseUrl must be an absolute http or https address.", nameof(BaseUrl));
        }

        // Operation paths are appended to BaseUrl's path; a query or fragment would swallow them (and drop "/v1").
        if (BaseUrl.Query.Length > 0 || BaseUrl.Fragment.Length > 0)
        {
            throw new ArgumentException("BaseUrl must not have a query or a fragment; operation paths are appended to its path.", nameof(BaseUrl));
        }

        if (BaseUrl.UserInfo.Length > 0)
        {
            throw new ArgumentException("BaseUrl must not carry user info; set ApiKey or JwtToken instead.", nameof(BaseUrl));
        }

        var apiKey = ValidCredential(ApiKey, nameof(ApiKey));
        var jwtToken = ValidCredential(JwtToken, nameof(JwtToken));
        if (apiKey is not null && jwtToken is not null)
        {
            throw new ArgumentException("Set either ApiKey or JwtToken, not both.", nameof(ApiKey));
        }

        // HttpClient.Timeout's limit (int.MaxValue ms), the stricter of the stack's: a longer one would fail every call.
        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout <= TimeSpan.Zero || Timeout > MaxTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, $"Timeout must be positive and at most {MaxTimeout} (what .NET's HttpClient and timers accept), or infinite.");
        }

        if (!IsTimerDuration(ReadTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(ReadTimeout), ReadTimeout, "ReadTimeout must be positive (at most 49 days) or infinite.");
        }

        if (MaxDownloadBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDownloadBytes), MaxDownloadBytes, "MaxDownloadBytes must be positive, or null for no limit.");
        }

        if (MaxResponseBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, "MaxResponseBytes must be positive, or null for no limit.");
        }

        var retry = (Retry ?? throw new ArgumentNullException(nameof(Retry), "Retry must not be null.")).Validated();
        return new EdgeImpulseClientOptions
        {
            Retry = retry,
            LoggerFactory = LoggerFactory,
            BaseUrl = BaseUrl,
            ApiKey = apiKey,
            JwtToken = jwtToken,
            Timeout = Timeout,
            ReadTimeout = ReadTimeout,
            MaxDownloadBytes = MaxDownloadBytes,
            MaxResponseBytes = MaxResponseBytes,
            UserAgent = UserAgent,
        };
    }

    // A credential read from a file or an environment variable often ends in a newline: surrounding whitespace is
    // trimmed. Anything else a header value cannot carry is refused; messages name the problem, never the value.
    private static string? ValidCredential(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException($"{name} is empty or only whitespace; leave it null instead.", name);
        }

        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsControl(c))
            {
                throw new ArgumentException($"{name} contains a control character (U+{(int)c:X4}) at position {i + 1} of {trimmed.Length}; a header value cannot carry it.", name);
            }

            if (c > '~')
            {
                throw new ArgumentException($"{name} contains a non-ASCII character at position {i + 1} of {trimmed.Length}; credentials are ASCII.", name);
            }
        }

        return trimmed;
    }

    // What CancellationTokenSource.CancelAfter accepts, zero excluded.
    private static bool IsTimerDuration(TimeSpan duration) =>
        duration == System.Threading.Timeout.InfiniteTimeSpan || (duration > TimeSpan.Zero && duration.TotalMilliseconds <= uint.MaxValue - 1);
}
