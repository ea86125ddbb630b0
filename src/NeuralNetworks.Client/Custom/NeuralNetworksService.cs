// CUSTOM: the Neural Networks service's specifics for the shared runtime (ServiceProfile): an API key sent as
// "Authorization: Token <key>" (a JWT as "Bearer"), errors as {"detail": "..."} with the HTTP status deciding success,
// and answers that need not be objects. The base URL is a placeholder: the service's reference page names no host.
namespace NeuralNetworks.Client;

internal static class ClientService
{
    public static ServiceProfile Profile { get; } = new(
        DefaultBaseUrl: new("https://api.neural-networks.invalid/v1"),
        ApiKey: new CredentialHeader("Authorization", "Token"),
        JwtToken: new CredentialHeader("Authorization", "Bearer"),
        Envelope: new ErrorEnvelope(SuccessMember: null, ErrorTextMembers: ["detail", "error", "message"]),
        ObjectResponsesOnly: false);
}
