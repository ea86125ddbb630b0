// CUSTOM: an array read from a .npy file (downloadDspData/downloadDspLabels): shape, dtype and C-order addressing,
// independent of the element type; NpyArray<T> holds the elements.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace EdgeImpulse.Generated.Npy;

/// <summary>
/// An n-dimensional array read from a NumPy <c>.npy</c> file. The concrete type is <see cref="NpyArray{T}"/> with
/// <c>T</c> chosen by the header's dtype (see <see cref="ElementType"/>); use <see cref="As{T}"/> or a type pattern
/// to get at the elements.
/// </summary>
public abstract class NpyArray
{
    private protected NpyArray(NpyDType dtype, int[] shape, int length, Version formatVersion)
    {
        DType = dtype;
        Shape = new ReadOnlyCollection<int>(shape);
        Length = length;
        FormatVersion = formatVersion;
    }

    /// <summary>Gets the element type as the header declares it.</summary>
    public NpyDType DType { get; }

    /// <summary>Gets the .NET type of the elements (the <c>T</c> of the concrete <see cref="NpyArray{T}"/>).</summary>
    public Type ElementType => DType.ElementType;

    /// <summary>Gets the size of each dimension, outermost first; empty for a 0-d (scalar) array.</summary>
    /// <remarks>DSP data is <c>(windows, features)</c>; labels are usually <c>(windows,)</c>.</remarks>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Gets the number of dimensions (0 for a scalar).</summary>
    public int Rank => Shape.Count;

    /// <summary>Gets the number of elements: the product of <see cref="Shape"/> (1 for a scalar, 0 when a dimension is 0).</summary>
    public int Length { get; }

    /// <summary>Gets the version of the <c>.npy</c> format the file was written in: 1.0, 2.0 or 3.0.</summary>
    public Version FormatVersion { get; }

    /// <summary>Returns this array as an <see cref="NpyArray{T}"/>, or explains which element type it has instead.</summary>
    /// <typeparam name="T">The element type expected, e.g. <see cref="float"/> for <c>float32</c> DSP features.</typeparam>
    /// <returns>This array.</returns>
    /// <exception cref="NpyFormatException">The elements are not of type <typeparamref name="T"/>.</exception>
    public NpyArray<T> As<T>()
        where T : unmanaged =>
        this as NpyArray<T> ?? throw ElementTypeMismatch(DType, typeof(T));

    /// <summary>Copies the elements, in C (row-major) order, to a new <see cref="double"/> array.</summary>
    /// <remarks>
    /// Exact for every dtype except 64-bit integers beyond ±2^53, which round to the nearest double. Booleans become 0 and 1.
    /// </remarks>
    /// <returns>A new array of <see cref="Length"/> doubles.</returns>
    public abstract double[] ToDoubleArray();

    /// <summary>Describes the array, e.g. <c>float32 ('&lt;f4') array of shape (4, 3)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Describe(DType, Shape);

    private const int MaxShownDimensions = 64;

    internal static string Describe(NpyDType dtype, IReadOnlyList<int> shape) => $"{dtype} array of shape {FormatShape(shape)}";

    /// <summary>
    /// Formats a shape as Python writes a tuple: <c>()</c>, <c>(3,)</c>, <c>(2, 3)</c>; past NumPy's 64 dimensions
    /// (only a corrupt header has more) it stops, so a message quoting a shape stays bounded.
    /// </summary>
    internal static string FormatShape(IReadOnlyList<int> shape) => shape.Count switch
    {
        0 => "()",
        1 => string.Create(CultureInfo.InvariantCulture, $"({shape[0]},)"),
        <= MaxShownDimensions => "(" + string.Join(", ", shape) + ")",
        _ => "(" + string.Join(", ", shape.Take(MaxShownDimensions)) + $", … {shape.Count} dimensions in all)",
    };

    internal static NpyFormatException ElementTypeMismatch(NpyDType dtype, Type requested) =>
        new($"The .npy array holds {dtype} elements ({dtype.ElementType.Name}), not {requested.Name}; read it without a type argument and check ElementType, or ask for {dtype.ElementType.Name}.");

    /// <summary>
    /// Finds the elements that the given leading indices select, in C order: all of them for no index, one for an
    /// index per dimension.
    /// </summary>
    private protected (int Start, int Count) Locate(ReadOnlySpan<int> indices, bool requireAll)
    {
        if (requireAll ? indices.Length != Rank : indices.Length > Rank)
        {
            var expected = requireAll ? $"{Rank}" : $"at most {Rank}";
            throw new ArgumentException($"Got {indices.Length} indices for an array of shape {FormatShape(Shape)}; expected {expected}.", "indices");
        }

        // Offsets stay below Length (at most Array.MaxLength), so int arithmetic cannot overflow.
        var start = 0;
        for (var axis = 0; axis < indices.Length; axis++)
        {
            var index = indices[axis];
            if ((uint)index >= (uint)Shape[axis])
            {
                throw new ArgumentOutOfRangeException("indices", index, $"Index {index} is out of range for axis {axis} of size {Shape[axis]} (shape {FormatShape(Shape)}).");
            }

            start = (start * Shape[axis]) + index;
        }

        var count = 1;
        for (var axis = indices.Length; axis < Rank; axis++)
        {
            start *= Shape[axis];
            count *= Shape[axis];
        }

        return (start, count);
    }
}
