// CUSTOM: registration for Microsoft.Extensions.DependencyInjection. The HttpClient comes from IHttpClientFactory
// (pooled handlers, DNS refresh, user-added DelegatingHandlers); options come from code or IConfiguration.
using System;
using System.Net.Http;
using EdgeImpulse.Generated;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="EdgeImpulseClient"/> and its area clients with a service collection.</summary>
public static class EdgeImpulseServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client sends through (for <c>IHttpClientFactory</c> settings).</summary>
    public const string HttpClientName = "EdgeImpulse.Generated";

    /// <summary>
    /// Registers <see cref="EdgeImpulseClient"/> (transient, on an <see cref="HttpClient"/> from <c>IHttpClientFactory</c>)
    /// and every area client (<see cref="ILearnClient"/>, <see cref="IDspClient"/>, <see cref="IJobsClient"/>,
    /// <see cref="IImpulseClient"/>, ... one per tag of the Studio API), with options set in code.
    /// </summary>
    /// <remarks>
    /// Lifetimes: see <see cref="AddEdgeImpulseClient(IServiceCollection)"/>; resolve the clients within a scope.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. <c>o => o.ApiKey = ...</c>.</param>
    /// <returns>The HttpClient builder, to add handlers (retries, logging) or configure the primary handler.</returns>
    public static IHttpClientBuilder AddEdgeImpulseClient(this IServiceCollection services, Action<EdgeImpulseClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<EdgeImpulseClientOptions>().Configure(configure);
        return services.AddEdgeImpulseClient();
    }

    /// <summary>
    /// Registers <see cref="EdgeImpulseClient"/> and the area clients with options bound from configuration, e.g. the
    /// <c>"EdgeImpulse"</c> section: <c>{ "ApiKey": "...", "Timeout": "00:02:00", "BaseUrl": "https://studio.edgeimpulse.com/v1" }</c>.
    /// </summary>
    /// <remarks>
    /// Lifetimes: see <see cref="AddEdgeImpulseClient(IServiceCollection)"/>; resolve the clients within a scope.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="EdgeImpulseClientOptions"/> properties.</param>
    /// <returns>The HttpClient builder, to add handlers (retries, logging) or configure the primary handler.</returns>
    public static IHttpClientBuilder AddEdgeImpulseClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EdgeImpulseClientOptions>().Bind(configuration);
        return services.AddEdgeImpulseClient();
    }

    /// <summary>
    /// Registers <see cref="EdgeImpulseClient"/> and the area clients; configure <see cref="EdgeImpulseClientOptions"/>
    /// yourself (e.g. <c>services.Configure&lt;EdgeImpulseClientOptions&gt;(...)</c>). Options are validated when the first
    /// client is resolved (and at host start).
    /// </summary>
    /// <remarks>
    /// <see cref="EdgeImpulseClient"/> is registered transient and is <see cref="IDisposable"/>, so the container that
    /// creates it also disposes it, when that container is disposed. Resolve it (or an area client, which resolves an
    /// <see cref="EdgeImpulseClient"/> behind it) within a scope, e.g. <c>using var scope = provider.CreateScope();</c>,
    /// or inject it into a service that is itself resolved within a scope (an ASP.NET Core request is one): the client
    /// is then disposed with the scope. Resolving it repeatedly from the root <see cref="IServiceProvider"/> keeps every instance
    /// alive until the application's provider is disposed. A singleton that takes a client holds that one instance for
    /// its whole life, so configuration reloads do not reach it.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <returns>The HttpClient builder, to add handlers (retries, logging) or configure the primary handler.</returns>
    public static IHttpClientBuilder AddEdgeImpulseClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<EdgeImpulseClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EdgeImpulseClientOptions>, EdgeImpulseClientOptionsValidator>());

        // The per-call timeout is EdgeImpulseClientOptions.Timeout; HttpClient's own 100 s default would cut longer ones.
        var builder = services.AddHttpClient(HttpClientName, http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan);

        // The client follows redirects itself, keeping credentials on the configured origin (RedirectPolicy); the
        // primary handler must not. PostConfigure runs after every Configure, so this also covers a handler the
        // application set with ConfigurePrimaryHttpMessageHandler.
        services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, factory => factory.HttpMessageHandlerBuilderActions.Add(handlers =>
        {
            switch (handlers.PrimaryHandler)
            {
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler classic:
                    classic.AllowAutoRedirect = false;
                    break;
            }
        }));

        // Transient, as IHttpClientFactory intends: each client gets a fresh HttpClient over a pooled handler, and
        // reloaded configuration applies to clients resolved after the reload.
        services.TryAddTransient(provider => new EdgeImpulseClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            WithContainerLogging(provider.GetRequiredService<IOptionsMonitor<EdgeImpulseClientOptions>>().CurrentValue, provider)));
        foreach (var area in GeneratedClients.All)
        {
            services.TryAdd(ServiceDescriptor.Transient(area.Interface, provider => area.Get(provider.GetRequiredService<EdgeImpulseClient>())));
        }

        return builder;
    }

    // Options set no logger: the container's, when one is registered (the client copies the options, so this copy is its own).
    private static EdgeImpulseClientOptions WithContainerLogging(EdgeImpulseClientOptions options, IServiceProvider provider)
    {
        if (options.LoggerFactory is not null || provider.GetService<Microsoft.Extensions.Logging.ILoggerFactory>() is not { } loggerFactory)
        {
            return options;
        }

        var copy = options.Validated();
        copy.LoggerFactory = loggerFactory;
        return copy;
    }

    /// <summary>Runs the same checks as the client's constructor, so bad settings fail as an OptionsValidationException.</summary>
    private sealed class EdgeImpulseClientOptionsValidator : IValidateOptions<EdgeImpulseClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, EdgeImpulseClientOptions options)
        {
            try
            {
                options.Validated();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException problem)
            {
                // ArgumentException messages here name the setting, never its value.
                return ValidateOptionsResult.Fail($"EdgeImpulseClientOptions.{problem.ParamName}: {problem.Message}");
            }
        }
    }
}
