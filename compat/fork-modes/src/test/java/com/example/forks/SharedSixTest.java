package com.example.forks;

@SharedStack
class SharedSixTest extends UsesTheBox {
}
