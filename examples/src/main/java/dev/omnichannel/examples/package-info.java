/** Runnable examples on embedded defaults; the README's run command starts {@link FlashSale}. */
@NullMarked
package dev.omnichannel.examples;

import org.jspecify.annotations.NullMarked;
