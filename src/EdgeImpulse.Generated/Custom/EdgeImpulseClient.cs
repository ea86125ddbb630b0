// CUSTOM: the facade users start from. It owns the options and the one RestClient, and hands the generated
// area clients (Learn, Dsp, Jobs, Impulse) a shared ApiConnection. Partial: the job workflow helpers live in Custom/Jobs.
// Mockable: unsealed, every member virtual, the area clients typed as their interfaces, a protected constructor.
using System;
using System.Net.Http;

namespace EdgeImpulse.Generated;

/// <summary>Client for the Edge Impulse Studio API; one instance is meant to be reused for many calls.</summary>
/// <remarks>
/// Every member is virtual and the area clients are interfaces (<see cref="ILearnClient"/>, <see cref="IDspClient"/>,
/// <see cref="IJobsClient"/>, <see cref="IImpulseClient"/>), so a test can substitute the client with a mocking library
/// or a subclass made with the protected constructor.
/// </remarks>
public partial class EdgeImpulseClient : IDisposable
{
    // All null only for a test double made with the protected constructor.
    private readonly ApiConnection? _connection;
    private readonly EdgeImpulseClientOptions? _options;
    private readonly ILearnClient? _learn;
    private readonly IDspClient? _dsp;
    private readonly IJobsClient? _jobs;
    private readonly IImpulseClient? _impulse;

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

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseClient"/> class for a test double (a mock or a subclass).</summary>
    /// <remarks>It is connected to nothing: a member that is not overridden throws <see cref="InvalidOperationException"/>.</remarks>
    protected EdgeImpulseClient()
    {
    }

    private EdgeImpulseClient(EdgeImpulseClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        _connection = new ApiConnection(_options, httpClient, _options.LoggerFactory);
        _learn = new LearnClient(_connection);
        _dsp = new DspClient(_connection);
        _jobs = new JobsClient(_connection);
        _impulse = new ImpulseClient(_connection);
    }

    /// <summary>Gets the settings in use (a copy of those given).</summary>
    public virtual EdgeImpulseClientOptions Options => _options ?? throw NotConnected();

    /// <summary>Gets the Keras learn block operations (getKeras, setKeras, getKerasMetadata).</summary>
    public virtual ILearnClient Learn => _learn ?? throw NotConnected();

    /// <summary>Gets the DSP block operations, and <see cref="IDspClient.StartProfileAsync"/>.</summary>
    public virtual IDspClient Dsp => _dsp ?? throw NotConnected();

    /// <summary>Gets the job operations: starting training and feature jobs (as <see cref="JobOperation"/>s), status, logs, cancelling.</summary>
    public virtual IJobsClient Jobs => _jobs ?? throw NotConnected();

    /// <summary>Gets the impulse operations (where the DSP and learn block ids come from).</summary>
    public virtual IImpulseClient Impulse => _impulse ?? throw NotConnected();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection (and the HttpClient, unless the caller owns it).</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection?.Dispose();
        }
    }

    private InvalidOperationException NotConnected() => new(
        $"This {GetType().Name} was made with the protected constructor (for a test double) and is connected to nothing; override the member the test calls.");
}
