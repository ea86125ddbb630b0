// CUSTOM: the facade users start from. It owns the options and the one connection (the shared runtime's
// ApiConnection, compiled into this client); the generated part (nswag.json's configurationClass in
// Client.Class.liquid) adds one property per generated client (Networks) over that connection.
using System;
using System.Net.Http;

namespace NeuralNetworks.Client;

/// <summary>Client for the Neural Networks API; one instance is meant to be reused for many calls.</summary>
public partial class NeuralNetworksClient : IDisposable
{
    private readonly ApiConnection _connection;
    private readonly NeuralNetworksClientOptions _options;

    /// <summary>Initializes a new instance of the <see cref="NeuralNetworksClient"/> class.</summary>
    /// <param name="options">The settings (<see cref="NeuralNetworksClientOptions.BaseUrl"/> and an API key); they are copied.</param>
    public NeuralNetworksClient(NeuralNetworksClientOptions options)
        : this(options, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NeuralNetworksClient"/> class on an HttpClient the caller owns.</summary>
    /// <param name="httpClient">The HttpClient to send through (with <c>AllowAutoRedirect = false</c>); it is not disposed by this client.</param>
    /// <param name="options">The settings; they are copied.</param>
    public NeuralNetworksClient(HttpClient httpClient, NeuralNetworksClientOptions options)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)))
    {
    }

    private NeuralNetworksClient(NeuralNetworksClientOptions options, HttpClient? httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        _connection = new ApiConnection(_options, httpClient, _options.LoggerFactory);
    }

    /// <summary>Gets the settings in use (a copy of those given).</summary>
    public NeuralNetworksClientOptions Options => _options;

    private ApiConnection Connection => _connection;

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
            _connection.Dispose();
        }
    }
}
