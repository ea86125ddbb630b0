// CUSTOM: the Edge Impulse Studio's specifics for the shared runtime (Custom/Transport/ServiceProfile.cs): its address,
// x-api-key / x-jwt-token credentials, and the success/error envelope every Studio answer carries (GenericApiResponse),
// with which every JSON answer is an object.
namespace EdgeImpulse.Generated;

internal static class ClientService
{
    public static ServiceProfile Profile { get; } = new(
        DefaultBaseUrl: new("https://studio.edgeimpulse.com/v1"),
        ApiKey: new CredentialHeader("x-api-key"),
        JwtToken: new CredentialHeader("x-jwt-token"),
        Envelope: new ErrorEnvelope(SuccessMember: "success", ErrorTextMembers: ["error"]),
        ObjectResponsesOnly: true);
}
