package dev.flotilla.faultproxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/** Feeds one channel's events to the connection: what it reads goes into one pipe, its writability steers the other. */
final class RelayHandler extends ChannelInboundHandlerAdapter {

    private final Connection connection;
    private final Pipe readFromHere;
    private final Pipe writtenHere;

    RelayHandler(Connection connection, Pipe readFromHere, Pipe writtenHere) {
        this.connection = connection;
        this.readFromHere = readFromHere;
        this.writtenHere = writtenHere;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        readFromHere.receive((ByteBuf) msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        readFromHere.readComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        writtenHere.updateReading();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            readFromHere.endInput();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset or broken pipe on one side ends the connection on both; nothing more to tell.
        connection.close();
    }
}
