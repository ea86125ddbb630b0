using System;
using System.IO;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom;

/// <summary>The upload argument: what it accepts, what it refuses (as the caller's error), and who closes what.</summary>
[TestFixture]
public sealed class FileParameterTests
{
    [Test]
    public void FromStream_KeepsWhatItWasGiven_AndLeavesTheStreamOpen()
    {
        var stream = new MemoryStream([1, 2, 3]);
        var file = new FileParameter(stream, "a.bin", "application/x-custom");

        file.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(file.Data, Is.SameAs(stream));
            Assert.That(file.FileName, Is.EqualTo("a.bin"));
            Assert.That(file.ContentType, Is.EqualTo("application/x-custom"));
            Assert.That(file.CanResend, Is.True, "seekable");
            Assert.That(stream.CanRead, Is.True, "the caller's stream is the caller's to close");
        }
    }

    [Test]
    public void FromFile_NamesItByThePath_AndClosesItOnDispose()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ei-file-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, [1, 2, 3]);
        try
        {
            var file = FileParameter.FromFile(path, "application/zip");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(file.FileName, Is.EqualTo(Path.GetFileName(path)));
                Assert.That(file.ContentType, Is.EqualTo("application/zip"));
                Assert.That(file.CanResend, Is.True);
            }

            file.Dispose();
            Assert.That(file.Data.CanRead, Is.False, "the file it opened is closed");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void FromFile_Missing_IsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => FileParameter.FromFile(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}")));
    }

    [Test]
    public void FromBytes_IsResendable_WithoutACopy()
    {
        byte[] bytes = [9, 8, 7];
        using var file = FileParameter.FromBytes(bytes, "x.bin");

        Assert.That(file.CanResend, Is.True);
        Assert.That(((MemoryStream)file.Data).TryGetBuffer(out _), Is.False, "a read-only view over the caller's array");
        Assert.That(file.Data.Length, Is.EqualTo(3));
    }

    [Test]
    public void NonSeekableStream_CannotBeResent()
    {
        using var stream = new Infrastructure.ForwardOnlyStream([1]);

        Assert.That(new FileParameter(stream).CanResend, Is.False);
    }

    [TestCase("")]
    [TestCase("a\r\nContent-Type: text/html")]
    [TestCase("tab\tname")]
    public void FileName_EmptyOrWithControlCharacters_IsRefused(string fileName)
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new FileParameter(new MemoryStream(), fileName));

        Assert.That(ex!.ParamName, Is.EqualTo("fileName"));
    }

    [TestCase("image")]
    [TestCase("not a type")]
    [TestCase("text/plain\r\nX-Evil: 1")]
    public void ContentType_NotAMediaType_IsRefused(string contentType)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new FileParameter(new MemoryStream(), "a", contentType), Throws.ArgumentException.With.Property("ParamName").EqualTo("contentType"));
            Assert.That(() => FileParameter.FromBytes([], "a", contentType), Throws.ArgumentException.With.Property("ParamName").EqualTo("contentType"));
        }
    }

    [Test]
    public void NullOrUnreadableStream_IsRefused()
    {
        var closed = new MemoryStream();
        closed.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new FileParameter(null!), Throws.ArgumentNullException);
            Assert.That(() => new FileParameter(closed), Throws.ArgumentException.With.Property("ParamName").EqualTo("data"));
            Assert.That(() => FileParameter.FromBytes(null!, "a"), Throws.ArgumentNullException);
            Assert.That(() => FileParameter.FromFile(""), Throws.ArgumentException);
        }
    }
}
