package com.example.forks;

@SharedStack
class SharedFiveTest extends UsesTheBox {
}
