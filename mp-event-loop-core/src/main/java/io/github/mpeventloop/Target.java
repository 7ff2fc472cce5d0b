package io.github.mpeventloop;

import java.io.Serializable;

/**
 * A target that can run in a worker: a method reference or lambda that the compiler makes
 * serializable, so that its class, method and captured values can be named across the process
 * boundary (the lambda object itself is never serialised).
 *
 * <p>{@code Call*} interfaces return a value, {@code Run*} interfaces return nothing; the digit is
 * the number of arguments given at submission. A bound method reference ({@code a::calcC})
 * captures its receiver, which travels as a copy; an unbound one ({@code ABC::calcC}) takes the
 * receiver as its first argument. When a method name is overloaded the compiler may not be able to
 * choose between a {@code Call} and a {@code Run} form; a lambda with typed parameters settles it.
 */
public sealed interface Target extends Serializable {

    /** A target with no arguments that returns a value. */
    @FunctionalInterface
    non-sealed interface Call0<R> extends Target {
        R call() throws Exception;
    }

    /** A target with no arguments that returns nothing. */
    @FunctionalInterface
    non-sealed interface Run0 extends Target {
        void run() throws Exception;
    }

    /** A target with one argument that returns a value. */
    @FunctionalInterface
    non-sealed interface Call1<A, R> extends Target {
        R call(A a) throws Exception;
    }

    /** A target with one argument that returns nothing. */
    @FunctionalInterface
    non-sealed interface Run1<A> extends Target {
        void run(A a) throws Exception;
    }

    /** A target with two arguments that returns a value. */
    @FunctionalInterface
    non-sealed interface Call2<A, B, R> extends Target {
        R call(A a, B b) throws Exception;
    }

    /** A target with two arguments that returns nothing. */
    @FunctionalInterface
    non-sealed interface Run2<A, B> extends Target {
        void run(A a, B b) throws Exception;
    }

    /** A target with three arguments that returns a value. */
    @FunctionalInterface
    non-sealed interface Call3<A, B, C, R> extends Target {
        R call(A a, B b, C c) throws Exception;
    }

    /** A target with three arguments that returns nothing. */
    @FunctionalInterface
    non-sealed interface Run3<A, B, C> extends Target {
        void run(A a, B b, C c) throws Exception;
    }

    /** A target with four arguments that returns a value. */
    @FunctionalInterface
    non-sealed interface Call4<A, B, C, D, R> extends Target {
        R call(A a, B b, C c, D d) throws Exception;
    }

    /** A target with four arguments that returns nothing. */
    @FunctionalInterface
    non-sealed interface Run4<A, B, C, D> extends Target {
        void run(A a, B b, C c, D d) throws Exception;
    }
}
