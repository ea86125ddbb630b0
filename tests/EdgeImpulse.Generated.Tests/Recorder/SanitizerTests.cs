using System.Linq;
using EdgeImpulse.Generated.Recorder;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Recorder;

[TestFixture]
public sealed class SanitizerTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MDMxOCJ9.Zm9vYmFyLXNpZ25hdHVyZQ";
    private const string EiKey = "ei_6f1a03c9d2e84b7aa5c0e91d3f2b8c47d0e5a6b1c2d3e4f5a6b7c8d9e0f1a2b3";

    [Test]
    public void SecretNames_AreRedacted_WhateverTheirCaseOrSeparators()
    {
        var result = Sanitize("""
            { "apiKey": "a", "API_KEY": "b", "x-api-key": "c", "hmacKey": "d", "jwt": "e", "accessToken": "f",
              "password": "g", "clientSecret": "h", "signatureKey": "i", "privateKey": "j", "projectApiKey": "k" }
            """);

        Assert.That(result.Properties().Select(p => (string?)p.Value), Is.All.EqualTo(SanitizerRules.Redacted));
    }

    [Test]
    public void SecretNames_LeaveNonStringValues_AndOtherNamesAlone()
    {
        var result = Sanitize("""{ "token": null, "apiKey": 3, "tokenizer": "bpe", "keyName": "x", "name": "Spectral features", "id": 3 }""");

        Assert.That(result, Is.EqualTo(JObject.Parse("""{ "token": null, "apiKey": 3, "tokenizer": "bpe", "keyName": "x", "name": "Spectral features", "id": 3 }""")).Using<JToken>(JToken.DeepEquals));
    }

    [Test]
    public void EmailNames_GetThePlaceholderEmail()
    {
        var result = Sanitize("""{ "email": "not even an address", "ownerEmail": "maya@lindqvist.se" }""");

        Assert.That(result.Properties().Select(p => (string?)p.Value), Is.All.EqualTo(SanitizerRules.Email));
    }

    [Test]
    public void UserObjects_GetPlaceholders_AndNumericIdsStayNumbers()
    {
        var result = Sanitize("""
            { "job": { "id": 1847312964, "createdByUser": { "id": 40318, "name": "Maya Lindqvist", "username": "mlindqvist",
              "photo": "https://usercdn.edgeimpulse.com/photos/40318/7c1e9a4f2b.jpg", "staffInfo": { "isStaff": false } } } }
            """);
        var user = result.SelectToken("job.createdByUser")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(user["id"]!.Type, Is.EqualTo(JTokenType.Integer));
            Assert.That((long)user["id"]!, Is.EqualTo(SanitizerRules.UserId));
            Assert.That((string?)user["name"], Is.EqualTo(SanitizerRules.PersonName));
            Assert.That((string?)user["username"], Is.EqualTo(SanitizerRules.Username));
            Assert.That((string?)user["photo"], Is.EqualTo(SanitizerRules.PhotoUrl));
            Assert.That((bool)user.SelectToken("staffInfo.isStaff")!, Is.False);
            Assert.That((long)result.SelectToken("job.id")!, Is.EqualTo(1847312964L), "only ids inside the user object are user ids");
        }
    }

    [Test]
    public void UserObjectNames_CoverArraysOwnersAndLastUpdatedBy_ButNotAStringCreatedBy()
    {
        var result = Sanitize("""
            { "collaborators": [ { "id": 7, "name": "Ann Lee" }, { "id": 8, "name": "Bo Ek" } ],
              "ownerOrganization": { "id": 9, "name": "Lindqvist Labs" },
              "lastUpdatedBy": { "type": "user", "id": 40318 },
              "createdBy": "createImpulse" }
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.SelectTokens("collaborators[*].name").Select(t => (string?)t), Is.All.EqualTo(SanitizerRules.PersonName));
            Assert.That(result.SelectTokens("collaborators[*].id").Select(t => (long)t), Is.All.EqualTo(SanitizerRules.UserId));
            Assert.That((string?)result.SelectToken("ownerOrganization.name"), Is.EqualTo(SanitizerRules.PersonName));
            Assert.That((long)result.SelectToken("lastUpdatedBy.id")!, Is.EqualTo(SanitizerRules.UserId));
            Assert.That((string?)result.SelectToken("lastUpdatedBy.type"), Is.EqualTo("user"));
            Assert.That((string?)result["createdBy"], Is.EqualTo("createImpulse"));
        }
    }

    [Test]
    public void UserIdLists_AndOwnerNames_AreReplacedAnywhere_KeepingTypes()
    {
        var result = Sanitize("""{ "jobNotificationUids": [40318, 51234], "userId": "40318", "projectOwnerName": "Maya Lindqvist", "author": "Maya Lindqvist" }""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result["jobNotificationUids"]!.Select(t => t.Type), Is.All.EqualTo(JTokenType.Integer));
            Assert.That(result["jobNotificationUids"]!.Select(t => (long)t), Is.All.EqualTo(SanitizerRules.UserId));
            Assert.That(result["userId"]!.Type, Is.EqualTo(JTokenType.String));
            Assert.That((string?)result["userId"], Is.EqualTo("1"));
            Assert.That((string?)result["projectOwnerName"], Is.EqualTo(SanitizerRules.PersonName));
            Assert.That((string?)result["author"], Is.EqualTo(SanitizerRules.PersonName));
        }
    }

    [Test]
    public void OwnerIds_AreUserIds_KeepingTypes_AndAreLearnedForFreeText()
    {
        var document = JObject.Parse("""
            { "ownerId": 40318, "project": { "projectOwnerId": "40318", "ownerIds": [40318, 51234] },
              "dockerContainer": "personal-blocks/40318/block:2", "id": 40318 }
            """);
        var sanitizer = new Sanitizer();
        sanitizer.LearnIdentities(document);

        var result = sanitizer.Sanitize(document);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result["ownerId"]!.Type, Is.EqualTo(JTokenType.Integer));
            Assert.That((long)result["ownerId"]!, Is.EqualTo(SanitizerRules.UserId));
            Assert.That((string?)result.SelectToken("project.projectOwnerId"), Is.EqualTo("1"));
            Assert.That(result.SelectToken("project.ownerIds")!.Select(t => (long)t), Is.All.EqualTo(SanitizerRules.UserId));
            Assert.That((string?)result["dockerContainer"], Is.EqualTo("personal-blocks/1/block:2"));
            Assert.That((long)result["id"]!, Is.EqualTo(40318), "a number elsewhere is data");
        }
    }

    [Test]
    public void AuthorizationAndCookieHeaders_AreRedacted_AsPropertiesAndInText()
    {
        var result = Sanitize("""
            { "headers": { "Authorization": "Basic dXNlcjpwYXNz", "Proxy-Authorization": "Digest username=\"maya\"",
                           "Cookie": "session=8f2a91; theme=dark", "set-cookie": ["jwt=abc; HttpOnly", "sid=def"] },
              "cookies": ["sid=def"],
              "log": "GET /v1/api\nauthorization: basic dXNlcjpwYXNz\nCookie: session=8f2a91; theme=dark\nSet-Cookie: sid=def; Path=/\nOK",
              "request": "Authorization=Basic dXNlcjpwYXNz==",
              "description": "Basic features: mean, RMS. Cookie jar sensor." }
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((JObject)result["headers"]!).Properties().SelectMany(p => p.Value is JArray a ? a.Select(v => (string?)v) : [(string?)p.Value]), Is.All.EqualTo(SanitizerRules.Redacted));
            Assert.That(result["cookies"]!.Select(v => (string?)v), Is.All.EqualTo(SanitizerRules.Redacted));
            Assert.That((string?)result["log"], Is.EqualTo("GET /v1/api\nauthorization: basic REDACTED\nCookie: REDACTED\nSet-Cookie: REDACTED\nOK"));
            Assert.That((string?)result["request"], Is.EqualTo("Authorization=Basic REDACTED"));
            Assert.That((string?)result["description"], Is.EqualTo("Basic features: mean, RMS. Cookie jar sensor."), "'Basic' and 'Cookie' are also ordinary words");
        }
    }

    [Test]
    public void TheKeyOfAnApiKeyEntry_IsRedacted_WhateverItLooksLike_ButOtherKeysAreData()
    {
        var result = Sanitize("""
            { "apiKeys": [ { "id": 3, "name": "CI", "key": "p4ss-not-an-ei-key", "role": "admin" } ],
              "hmacKeys": [ { "id": 4, "key": "0123abcd", "isDevelopmentKey": true } ],
              "projectApiKeys": ["plain-key-1", "plain-key-2"],
              "job": { "key": "keras-4" }, "sensors": [ { "key": "accX" } ] }
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)result.SelectToken("apiKeys[0].key"), Is.EqualTo(SanitizerRules.Redacted));
            Assert.That((string?)result.SelectToken("apiKeys[0].name"), Is.EqualTo("CI"));
            Assert.That((long)result.SelectToken("apiKeys[0].id")!, Is.EqualTo(3), "a key entry's id is not a user id");
            Assert.That((string?)result.SelectToken("hmacKeys[0].key"), Is.EqualTo(SanitizerRules.Redacted));
            Assert.That(result["projectApiKeys"]!.Select(v => (string?)v), Is.All.EqualTo(SanitizerRules.Redacted));
            Assert.That((string?)result.SelectToken("job.key"), Is.EqualTo("keras-4"));
            Assert.That((string?)result.SelectToken("sensors[0].key"), Is.EqualTo("accX"));
        }
    }

    [Test]
    public void AKnownSecret_IsRedacted_UrlEncoded_AndInAnyCase()
    {
        var sanitizer = new Sanitizer(["Key+with/reserved=chars 1"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sanitizer.SanitizeText("?k=Key%2Bwith%2Freserved%3Dchars%201&x=1"), Is.EqualTo("?k=REDACTED&x=1"));
            Assert.That(sanitizer.SanitizeText("?k=Key%2bwith%2freserved%3dchars+1&x=1"), Is.EqualTo("?k=REDACTED&x=1"));
            Assert.That(sanitizer.SanitizeText("echo: key+with/reserved=chars 1."), Is.EqualTo("echo: REDACTED."));
        }
    }

    [Test]
    public void CredentialsInAUrl_AreRemoved_ButAUserWithoutAPasswordStays()
    {
        var result = Sanitize("""
            { "a": "see https://maya:hunter2@studio.edgeimpulse.com/v1/api for details",
              "b": "https://x-access-token:ghp_abc123@github.com/org/block.git",
              "c": "ftp://anonymous@10.0.0.5/pub" }
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)result["a"], Is.EqualTo("see https://studio.edgeimpulse.com/v1/api for details"));
            Assert.That((string?)result["b"], Is.EqualTo("https://github.com/org/block.git"));
            Assert.That((string?)result["c"], Is.EqualTo("ftp://anonymous@10.0.0.5/pub"));
        }
    }

    [Test]
    public void AJwtDeepInArrays_InsideALongerString_UnderAnUnlistedName_IsCaught()
    {
        var result = Sanitize($$"""{ "graphs": [ { "notes": [ [ "x", "rotated {{Jwt}} yesterday" ] ] } ] }""");

        Assert.That((string?)result.SelectToken("graphs[0].notes[0][1]"), Is.EqualTo("rotated REDACTED yesterday"));
    }

    [Test]
    public void AnApiKeyAndAnEmail_InFreeText_AreCaught()
    {
        var result = Sanitize($$"""{ "description": "key {{EiKey}}, mail MAYA.L+ei@Lindqvist.co.se." }""");

        Assert.That((string?)result["description"], Is.EqualTo($"key REDACTED, mail {SanitizerRules.Email}."));
    }

    [Test]
    public void ASecretAsAPropertyName_IsCaught_AndCollidingNamesKeepBothValues()
    {
        var result = Sanitize($$"""{ "{{Jwt}}": 1, "{{EiKey}}": 2 }""");

        Assert.That(result, Is.EqualTo(JObject.Parse("""{ "REDACTED": 1, "REDACTED (2)": 2 }""")).Using<JToken>(JToken.DeepEquals));
    }

    [Test]
    public void KnownSecrets_OfAnyShape_AreRedacted_InValuesAndText()
    {
        var sanitizer = new Sanitizer(["plain-looking-secret-42"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)sanitizer.Sanitize(JObject.Parse("""{ "error": "bad key plain-looking-secret-42" }"""))["error"], Is.EqualTo("bad key REDACTED"));
            Assert.That(sanitizer.SanitizeText("Authorization: Bearer abc.def-ghi"), Is.EqualTo("Authorization: Bearer REDACTED"));
        }
    }

    [Test]
    public void LearnedIdentities_AreScrubbedFromFreeText_AsWholeWordsOnly()
    {
        var sanitizer = new Sanitizer();
        sanitizer.LearnIdentities(JObject.Parse("""{ "createdByUser": { "id": 40318, "name": "Maya Lindqvist", "username": "ann" } }"""));

        var result = sanitizer.Sanitize(JObject.Parse("""
            { "metadata": { "collected_by": "ANN" }, "repositoryUrl": "https://github.com/ann/block",
              "note": "annotation by maya lindqvist", "dockerContainer": "personal-blocks/40318/block:2", "size": 40318 }
            """));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)result.SelectToken("metadata.collected_by"), Is.EqualTo(SanitizerRules.Username));
            Assert.That((string?)result["repositoryUrl"], Is.EqualTo("https://github.com/example-user/block"));
            Assert.That((string?)result["note"], Is.EqualTo("annotation by Example User"));
            Assert.That((string?)result["dockerContainer"], Is.EqualTo("personal-blocks/1/block:2"));
            Assert.That((long)result["size"]!, Is.EqualTo(40318), "numbers elsewhere are data, not user ids");
        }
    }

    [Test]
    public void NamesThatAreWordsOfAPlaceholder_OrTooShort_AreNotLearned()
    {
        var sanitizer = new Sanitizer();
        sanitizer.LearnIdentities(JObject.Parse("""{ "user": { "id": 12, "name": "User", "username": "al" } }"""));

        Assert.That(sanitizer.Identities, Is.Empty);
    }

    [Test]
    public void SanitizingTwice_ChangesNothing_WithTheSameOrAFreshSanitizer()
    {
        var document = JObject.Parse($$"""
            { "createdByUser": { "id": 40318, "name": "Maya Lindqvist", "username": "mlindqvist", "email": "maya@lindqvist.se" },
              "log": "by mlindqvist with {{EiKey}} and Bearer {{Jwt}}\nAuthorization: Basic dXNlcjpwYXNz\nCookie: a=b\nat https://u:p@h.io/x",
              "apiKey": "{{EiKey}}", "uids": [40318], "{{Jwt}}": true, "ownerId": 40318, "apiKeys": [ { "key": "k" } ],
              "x": [1, 2.5, null, false, "2026-01-14T09:40:02.114Z"] }
            """);
        var sanitizer = new Sanitizer([EiKey]);
        sanitizer.LearnIdentities(document);
        var once = sanitizer.Sanitize(document);

        var fresh = new Sanitizer();
        fresh.LearnIdentities(once);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sanitizer.Sanitize(once), Is.EqualTo(once).Using<JToken>(JToken.DeepEquals));
            Assert.That(fresh.Sanitize(once), Is.EqualTo(once).Using<JToken>(JToken.DeepEquals));
            Assert.That(sanitizer.SanitizeText(sanitizer.SanitizeText((string)document["log"]!)), Is.EqualTo(sanitizer.SanitizeText((string)document["log"]!)));
        }
    }

    [Test]
    public void Sanitize_LeavesTheInputUntouched()
    {
        var document = JObject.Parse("""{ "apiKey": "k", "user": { "name": "Maya Lindqvist" } }""");
        var before = document.ToString();

        new Sanitizer().Sanitize(document);

        Assert.That(document.ToString(), Is.EqualTo(before));
    }

    private static JObject Sanitize(string json) => (JObject)new Sanitizer().Sanitize(StableJson.Parse(json));
}
