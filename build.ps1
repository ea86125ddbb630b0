#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Build, test, pack or clean EdgeImpulse.Generated, or update its vendored spec. Wraps the same `dotnet`
    commands the README lists.
.EXAMPLE
    ./build.ps1 test
.EXAMPLE
    ./build.ps1 update-spec -Upstream ~/Downloads/openapi.yml
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'pack', 'clean', 'update-spec')]
    [string] $Task = 'build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # update-spec only: the full upstream Edge Impulse spec (https://studio.edgeimpulse.com/openapi.yml, saved).
    [string] $Upstream
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$solution = Join-Path $PSScriptRoot 'EdgeImpulse.Generated.sln'

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments = $true)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE"
    }
}

try {
    switch ($Task) {
        'build' { Invoke-Dotnet build $solution -c $Configuration }
        'test' {
            Invoke-Dotnet build $solution -c $Configuration
            Invoke-Dotnet test $solution -c $Configuration --no-build
        }
        'pack' { Invoke-Dotnet pack (Join-Path $PSScriptRoot 'src/EdgeImpulse.Generated/EdgeImpulse.Generated.csproj') -c $Configuration -o (Join-Path $PSScriptRoot 'artifacts') }
        'update-spec' {
            if (-not $Upstream) {
                throw 'update-spec needs -Upstream <path to the full Edge Impulse openapi.yml>'
            }
            # Absolute paths: PowerShell's location is not the child process's working directory. '--' is quoted
            # because PowerShell would drop a bare -- (its own end-of-parameters marker) before dotnet sees it.
            Invoke-Dotnet run --project (Join-Path $PSScriptRoot 'tools/EdgeImpulse.Generated.SpecTool') -c $Configuration '--' update `
                --upstream (Resolve-Path $Upstream).Path `
                --operations (Join-Path $PSScriptRoot 'openapi.operations.txt') `
                --out (Join-Path $PSScriptRoot 'openapi.yaml') `
                --overlay (Join-Path $PSScriptRoot 'corrections.overlay.yaml')
            # The public API listing: rebuilds the library and prints what changed for callers.
            Invoke-Dotnet run --project (Join-Path $PSScriptRoot 'tools/EdgeImpulse.Generated.SpecTool') -c $Configuration '--' api-listing `
                --project (Join-Path $PSScriptRoot 'src/EdgeImpulse.Generated/EdgeImpulse.Generated.csproj')
        }
        'clean' {
            Invoke-Dotnet clean $solution -c $Configuration
            Get-ChildItem $PSScriptRoot -Recurse -Directory -Include bin, obj | Remove-Item -Recurse -Force
        }
    }
}
catch {
    Write-Error $_
    exit 1
}
