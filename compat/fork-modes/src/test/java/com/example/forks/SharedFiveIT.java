package com.example.forks;

@SharedStack
class SharedFiveIT extends UsesTheBox {
}
