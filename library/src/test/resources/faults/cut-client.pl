# A Redis client that says how its call ended, as its program sees it: answered, closed (FIN), reset (RST) or
# timed out, and after how long. Plain perl of the redis image: no module beyond what perl-base has.
#
#   perl cut-client.pl new HOST PORT        a new connection: connect (2 s at most), PING, half-close, read (2 s)
#   perl cut-client.pl held HOST PORT DIR   a connection opened and answered before the cut: marks DIR/opened,
#                                           waits for DIR/cut, PINGs and half-closes, reads (2 s), marks DIR/waited,
#                                           waits for DIR/healed, reads (20 s)
use strict;
use IO::Socket::INET;
use IO::Select;
use Errno;

$| = 1;
my ($mode, $host, $port, $dir) = @ARGV;

sub now { my $ms = `date +%s%3N`; chomp $ms; return $ms; }
sub mark { open(my $file, '>', "$dir/$_[0]") or die "cannot mark $_[0]: $!"; close $file; }
sub await { my $file = "$dir/$_[0]"; select(undef, undef, undef, 0.05) until -e $file; }

# What the connection gave within $seconds: what it answered, if anything, then how it ended.
sub outcome {
    my ($socket, $seconds) = @_;
    my $start = now();
    my $answered = '';
    my $select = IO::Select->new($socket);
    while (1) {
        my $left = $seconds - (now() - $start) / 1000;
        my $end;
        if ($left <= 0 || !$select->can_read($left)) {
            $end = 'timed out';
        } else {
            my $read = sysread($socket, my $bytes, 4096);
            if (defined $read && $read > 0) {
                $answered .= $bytes;
                next;
            }
            $end = !defined $read ? ($!{ECONNRESET} ? 'reset' : "failed ($!)") : 'closed';
        }
        $answered =~ s/\s+/ /g;
        $answered =~ s/^ | $//g;
        return ($answered ne '' ? "answered $answered, then " : '') . "$end after " . (now() - $start) . ' ms';
    }
}

my $start = now();
my $socket = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port, Timeout => 2);
if (!$socket) {
    my $why = $!{ETIMEDOUT} || $@ =~ /timeout/i ? 'timed out' : $!{ECONNREFUSED} ? 'refused' : "failed ($!)";
    print "connect $why after ", now() - $start, " ms\n";
    exit;
}
if ($mode eq 'held') {
    syswrite($socket, "PING\r\n");
    sysread($socket, my $answer, 4096);
    $answer =~ s/\s+$//;
    print "before the cut: answered $answer\n";
    mark('opened');
    await('cut');
}
syswrite($socket, "PING\r\n");
shutdown($socket, 1);
print $mode eq 'held' ? 'during the cut: ' : 'connected, ', outcome($socket, 2), "\n";
exit if $mode ne 'held';
mark('waited');
await('healed');
print 'after healing: ', outcome($socket, 20), "\n";
