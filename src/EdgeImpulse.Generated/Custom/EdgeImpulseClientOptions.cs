// CUSTOM: settings the EdgeImpulseClient facade owns and every generated area client shares.
using System;

namespace EdgeImpulse.Generated;

/// <summary>Settings for <see cref="EdgeImpulseClient"/>.</summary>
public sealed class EdgeImpulseClientOptions
{
    /// <summary>The Studio's public API address.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://studio.edgeimpulse.com/v1");

    /// <summary>Gets or sets the API base address; every operation path is relative to it.</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Gets or sets the project API key, sent as <c>x-api-key</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets a JWT (from <c>POST /api-login</c>), sent as <c>x-jwt-token</c>. Use either this or <see cref="ApiKey"/>.</summary>
    public string? JwtToken { get; set; }

    /// <summary>
    /// Gets or sets the time one HTTP call may take before it fails: from sending the request until the whole answer
    /// is read (for JSON and text operations), or until the headers of a download have arrived (its body is then the
    /// caller's to read, under <see cref="ReadTimeout"/>). <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
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

    /// <summary>Gets or sets the User-Agent sent with every request.</summary>
    public string UserAgent { get; set; } = "EdgeImpulse.Generated/" + typeof(EdgeImpulseClientOptions).Assembly.GetName().Version?.ToString(3);

    /// <inheritdoc />
    /// <remarks>Credentials are never printed, only whether they are set.</remarks>
    public override string ToString() =>
        $"BaseUrl={BaseUrl}, ApiKey={(ApiKey is null ? "none" : "***")}, JwtToken={(JwtToken is null ? "none" : "***")}, Timeout={Timeout}, ReadTimeout={ReadTimeout}, MaxDownloadBytes={MaxDownloadBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}, MaxResponseBytes={MaxResponseBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}";

    internal EdgeImpulseClientOptions Validated()
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("BaseUrl must be an absolute http or https address.", nameof(BaseUrl));
        }

        if (ApiKey is not null && JwtToken is not null)
        {
            throw new ArgumentException("Set either ApiKey or JwtToken, not both.", nameof(ApiKey));
        }

        if (ApiKey is { Length: 0 } || JwtToken is { Length: 0 })
        {
            throw new ArgumentException("An empty credential is not allowed; leave it null instead.", nameof(ApiKey));
        }

        if (!IsTimerDuration(Timeout))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive (at most 49 days) or infinite.");
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

        return new EdgeImpulseClientOptions
        {
            BaseUrl = BaseUrl,
            ApiKey = ApiKey,
            JwtToken = JwtToken,
            Timeout = Timeout,
            ReadTimeout = ReadTimeout,
            MaxDownloadBytes = MaxDownloadBytes,
            MaxResponseBytes = MaxResponseBytes,
            UserAgent = UserAgent,
        };
    }

    // What CancellationTokenSource.CancelAfter accepts, zero excluded.
    private static bool IsTimerDuration(TimeSpan duration) =>
        duration == System.Threading.Timeout.InfiniteTimeSpan || (duration > TimeSpan.Zero && duration.TotalMilliseconds <= uint.MaxValue - 1);
}
