// CUSTOM: the facade users start from. It owns the options and the one RestClient, and hands the generated
// area clients (Learn, Dsp, Jobs, Impulse) a shared ApiConnection. Partial: the job workflow helpers live in Custom/Jobs.
using System;
using System.Net.Http;

namespace EdgeImpulse.Generated;

/// <summary>Client for the Edge Impulse Studio API; one instance is meant to be reused for many calls.</summary>
public sealed partial class EdgeImpulseClient : IDisposable
{
    private readonly ApiConnection _connection;

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseClient"/> class with a project API key.</summary>
    /// <param name="apiKey">The project API key (dashboard, "Keys").</param>
    public EdgeImpulseClient(string apiKey)
        : this(new EdgeImpulseClientOptions { ApiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey)) })
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseClient"/> class.</summary>
    /// <param name="options">The settings; they are copied, so later changes have no effect.</param>
    public EdgeImpulseClient(EdgeImpulseClientOptions options)
        : this(options, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseClient"/> class on an HttpClient the caller owns (e.g. from IHttpClientFactory).</summary>
    /// <remarks>
    /// The client follows redirects itself, keeping credentials on <see cref="EdgeImpulseClientOptions.BaseUrl"/>'s origin.
    /// Build the HttpClient's handler with <c>AllowAutoRedirect = false</c> (dependency injection does this for its
    /// handler): a handler that follows redirects itself would carry the credential headers to another origin before
    /// the client can see it; such a response fails with an <see cref="EdgeImpulseApiException"/> naming the setting.
    /// </remarks>
    /// <param name="httpClient">The HttpClient to send through; it is not disposed by this client.</param>
    /// <param name="options">The settings; they are copied, so later changes have no effect.</param>
    public EdgeImpulseClient(HttpClient httpClient, EdgeImpulseClientOptions options)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)))
    {
    }

    private EdgeImpulseClient(EdgeImpulseClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validated();
        _connection = new ApiConnection(Options, httpClient, Options.LoggerFactory);
        Learn = new LearnClient(_connection);
        Dsp = new DspClient(_connection);
        Jobs = new JobsClient(_connection);
        Impulse = new ImpulseClient(_connection);
    }

    /// <summary>Gets the settings in use (a copy of those given).</summary>
    public EdgeImpulseClientOptions Options { get; }

    /// <summary>Gets the Keras learn block operations (getKeras, setKeras, getKerasMetadata).</summary>
    public LearnClient Learn { get; }

    /// <summary>Gets the DSP block operations.</summary>
    public DspClient Dsp { get; }

    /// <summary>Gets the job operations: starting training and feature jobs, status, logs, cancelling.</summary>
    public JobsClient Jobs { get; }

    /// <summary>Gets the impulse operations (where the DSP and learn block ids come from).</summary>
    public ImpulseClient Impulse { get; }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
