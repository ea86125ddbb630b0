#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Build, test, pack or clean EdgeImpulse.Generated. Wraps the same `dotnet` commands the README lists.
.EXAMPLE
    ./build.ps1 test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'pack', 'clean')]
    [string] $Task = 'build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
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
