/**
 * A Swing window whose button sends work to worker JVMs and whose progress bar follows the results,
 * which the event loop hands to the event dispatch thread: the GUI never blocks on the work.
 */
package io.github.mpeventloop.examples.swing;
