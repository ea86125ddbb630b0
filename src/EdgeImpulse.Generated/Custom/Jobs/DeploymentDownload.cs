// CUSTOM: what EdgeImpulseClient.BuildAndDownloadDeploymentAsync returns: the build job, its deployment version and the
// open download of the package it built.
using System;

namespace EdgeImpulse.Generated;

/// <summary>The outcome of <see cref="EdgeImpulseClient.BuildAndDownloadDeploymentAsync"/>: dispose it to release the connection.</summary>
public sealed class DeploymentDownload : IDisposable
{
    /// <summary>Initializes a new instance of the <see cref="DeploymentDownload"/> class.</summary>
    /// <param name="job">The finished build job.</param>
    /// <param name="deploymentVersion">The version the build got (downloadHistoricDeployment downloads it again).</param>
    /// <param name="file">The open download of the package.</param>
    /// <param name="fileName">The package's file name.</param>
    public DeploymentDownload(Job job, int deploymentVersion, FileResponse file, string fileName)
    {
        Job = job ?? throw new ArgumentNullException(nameof(job));
        DeploymentVersion = deploymentVersion;
        File = file ?? throw new ArgumentNullException(nameof(file));
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
    }

    /// <summary>Gets the finished build job.</summary>
    public Job Job { get; }

    /// <summary>Gets the version the build got; downloadHistoricDeployment downloads the same package again by it.</summary>
    public int DeploymentVersion { get; }

    /// <summary>Gets the package, streamed (a zip for most targets); read it once.</summary>
    public FileResponse File { get; }

    /// <summary>Gets the package's file name: the Studio's (Content-Disposition), or <c>&lt;type&gt;-v&lt;version&gt;.zip</c> when it sent none.</summary>
    public string FileName { get; }

    /// <summary>Releases the download's connection.</summary>
    public void Dispose() => File.Dispose();
}

/// <summary>The outcome of <see cref="EdgeImpulseClient.BuildAndDownloadDeploymentToStreamAsync"/>: the package is in the destination stream.</summary>
public sealed class DeploymentPackageInfo
{
    /// <summary>Initializes a new instance of the <see cref="DeploymentPackageInfo"/> class.</summary>
    /// <param name="job">The finished build job.</param>
    /// <param name="deploymentVersion">The version the build got.</param>
    /// <param name="fileName">The package's file name.</param>
    /// <param name="length">How many bytes were written.</param>
    public DeploymentPackageInfo(Job job, int deploymentVersion, string fileName, long length)
    {
        Job = job ?? throw new ArgumentNullException(nameof(job));
        DeploymentVersion = deploymentVersion;
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        Length = length;
    }

    /// <summary>Gets the finished build job.</summary>
    public Job Job { get; }

    /// <summary>Gets the version the build got; downloadHistoricDeployment downloads the same package again by it.</summary>
    public int DeploymentVersion { get; }

    /// <summary>Gets the package's file name: the Studio's (Content-Disposition), or <c>&lt;type&gt;-v&lt;version&gt;.zip</c> when it sent none.</summary>
    public string FileName { get; }

    /// <summary>Gets how many bytes of the package were written to the destination.</summary>
    public long Length { get; }
}
